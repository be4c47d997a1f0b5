using Pilot.Registry.Domain.Model;

namespace Pilot.Registry.Domain.Queries;

/// <summary>A branch as shown to a caller, with its organisation's name and the R1 exception recorded for the branch, if any.</summary>
public sealed record BranchView(Branch Branch, string OrganisationName, bool IsIndustryOrganisation, ExceptionRecord? Exception);
