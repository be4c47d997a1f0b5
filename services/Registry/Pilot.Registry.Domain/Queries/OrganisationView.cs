using Pilot.Registry.Domain.Model;

namespace Pilot.Registry.Domain.Queries;

/// <summary>An organisation as shown to a caller, with the R1 exception recorded for it, if any.</summary>
public sealed record OrganisationView(EvaluationOrganisation Organisation, ExceptionRecord? Exception);
