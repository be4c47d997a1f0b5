using Pilot.Registry.Domain.Model;
using Pilot.SharedKernel;

namespace Pilot.Registry.Domain.Authorisation;

/// <summary>
/// Who may do what in the registry (DOMAIN.md, "Parties and what each may do"). Each question is a
/// pure function of the caller and the records involved, so the gRPC layer can also use them to
/// filter lists. The national centre may do everything.
/// </summary>
public static class RegistryPermissions
{
    public static bool MayManageBatches(Caller caller) => caller.IsNationalCentre;

    public static bool MayRecordExceptions(Caller caller) => caller.IsNationalCentre;

    /// <summary>Publishing the directory is the national centre's act (五.3).</summary>
    public static bool MayPublishOrganisations(Caller caller) => caller.IsNationalCentre;

    /// <summary>A department registers itself only.</summary>
    public static bool MayRegisterDepartment(Caller caller, string departmentId) =>
        caller.IsNationalCentre || IsDepartment(caller, departmentId);

    /// <summary>An industry organisation registers itself only.</summary>
    public static bool MayRegisterIndustryOrganisation(Caller caller, string organisationId) =>
        caller.IsNationalCentre || (caller.Is(Roles.IndustryOrg) && caller.IsOrganisation(organisationId));

    /// <summary>
    /// A department registers the organisations it is going to recommend (三.1), since they may not
    /// be users yet; an evaluation organisation may register itself.
    /// </summary>
    public static bool MayRegisterOrganisation(Caller caller, string organisationId) =>
        caller.IsNationalCentre
        || (caller.Is(Roles.Department) && caller.Org is not null)
        || (caller.Is(Roles.EvaluationOrg) && caller.IsOrganisation(organisationId));

    /// <summary>A department recommends for itself only.</summary>
    public static bool MayRecommend(Caller caller, string departmentId) =>
        caller.IsNationalCentre || IsDepartment(caller, departmentId);

    /// <summary>An organisation manages its own branches, whether it is an evaluation or an industry organisation.</summary>
    public static bool MayManageBranches(Caller caller, EvaluationOrganisation organisation) =>
        caller.IsNationalCentre || IsOwnOrganisation(caller, organisation);

    public static bool MayManageContacts(Caller caller, EvaluationOrganisation organisation) =>
        caller.IsNationalCentre || IsOwnOrganisation(caller, organisation);

    /// <summary>The classification and its kinds are public reference data.</summary>
    public static bool MayReadOccupations(Caller caller) => true;

    /// <summary>Batches and their deadlines (R8) are public: every party plans by them.</summary>
    public static bool MayReadBatches(Caller caller) => true;

    public static bool MayReadDepartment(Caller caller, string departmentId) =>
        caller.IsNationalCentre || IsDepartment(caller, departmentId);

    /// <summary>
    /// Anyone once it is published; before that the centre, the organisation itself, and a department
    /// that has recommended it ("see its own organisations").
    /// </summary>
    public static bool MayReadOrganisation(Caller caller, EvaluationOrganisation organisation, IReadOnlyList<Recommendation> recommendationsNamingIt) =>
        organisation.IsPublished
        || caller.IsNationalCentre
        || IsOwnOrganisation(caller, organisation)
        || RecommendedBy(caller, recommendationsNamingIt);

    /// <summary>
    /// The centre; the bureau of the region the branch is registered in (R6), and no other bureau;
    /// the branch's organisation; a department that recommended that organisation, since it guides
    /// its branches' filing (三.4). The public sees branches through publicity and the directory, not here.
    /// </summary>
    public static bool MayReadBranch(Caller caller, Branch branch, EvaluationOrganisation organisation, IReadOnlyList<Recommendation> recommendationsNamingOrganisation) =>
        caller.IsNationalCentre
        || caller.IsBureauOf(branch.Region.Code)
        || IsOwnOrganisation(caller, organisation)
        || RecommendedBy(caller, recommendationsNamingOrganisation);

    /// <summary>Refuses with a Forbidden error when <paramref name="allowed"/> is false.</summary>
    public static void Demand(bool allowed, Caller caller, string action)
    {
        if (!allowed)
        {
            throw DomainException.Forbidden($"{caller.Role} '{caller.Subject}' may not {action}");
        }
    }

    private static bool IsDepartment(Caller caller, string departmentId) =>
        caller.Is(Roles.Department) && caller.IsOrganisation(departmentId);

    /// <summary>An industry organisation is its own evaluation organisation, so either role works for it; a plain one only as evaluation-org.</summary>
    private static bool IsOwnOrganisation(Caller caller, EvaluationOrganisation organisation) =>
        caller.IsOrganisation(organisation.Id)
        && (caller.Is(Roles.EvaluationOrg) || (organisation.IsIndustryOrganisation && caller.Is(Roles.IndustryOrg)));

    private static bool RecommendedBy(Caller caller, IReadOnlyList<Recommendation> recommendations) =>
        caller.Is(Roles.Department)
        && recommendations.Any(r => caller.IsOrganisation(r.DepartmentId));
}
