using Pilot.Registry.Domain.Model;
using Pilot.SharedKernel;

namespace Pilot.Registry.Domain.State;

/// <summary>
/// What the decisions need to know about the current state. Storage implements it over whatever it
/// keeps (the records below are plain and serialisable); the decisions never write through it.
/// Synchronous on purpose: a caller loads what a command touches first, then decides.
/// </summary>
public interface IRegistryReadModel
{
    Batch? FindBatch(string batchId);

    Department? FindDepartment(string departmentId);

    EvaluationOrganisation? FindOrganisation(string organisationId);

    Branch? FindBranch(string branchId);

    Recommendation? FindRecommendation(string batchId, string departmentId);

    /// <summary>Every recommendation, of any batch, that names the organisation.</summary>
    IReadOnlyList<Recommendation> RecommendationsNaming(string organisationId);

    ExceptionRecord? FindException(UnifiedSocialCreditCode creditCode);

    /// <summary>The organisation or branch already registered under this credit code, if any.</summary>
    CreditCodeHolder? FindCreditCodeHolder(UnifiedSocialCreditCode creditCode);
}
