using Pilot.Registry.Domain.Authorisation;
using Pilot.Registry.Domain.Model;
using Pilot.Registry.Domain.Occupations;
using Pilot.Registry.Domain.State;
using Pilot.SharedKernel;

namespace Pilot.Registry.Domain.Queries;

/// <summary>
/// Reads with the same authorisation as the decisions. A party the caller may not see is refused
/// as Forbidden; one that does not exist as NotFound.
/// </summary>
public sealed class RegistryQueries(OccupationCatalogue catalogue)
{
    public RegistryQueries()
        : this(OccupationCatalogue.Default)
    {
    }

    /// <summary>Every occupation, or only the level-evaluation ones the pilot takes (R2).</summary>
    public IReadOnlyList<Occupation> ListOccupations(Caller caller, bool onlyInPilotScope)
    {
        RegistryPermissions.Demand(RegistryPermissions.MayReadOccupations(caller), caller, "read occupations");
        return onlyInPilotScope ? [.. catalogue.All.Where(o => o.IsInPilotScope)] : catalogue.All;
    }

    public Occupation GetOccupation(Caller caller, string code)
    {
        RegistryPermissions.Demand(RegistryPermissions.MayReadOccupations(caller), caller, "read occupations");
        if (!OccupationCode.IsWellFormed(code?.Trim()))
        {
            throw DomainException.Invalid("code", $"'{code}' is not an occupation code (expected e.g. 6-18-02-04)");
        }

        return catalogue.Find(code) ?? throw DomainException.NotFound("code", $"{code} is not an occupation of the 2022 classification");
    }

    public static Batch GetBatch(Caller caller, string batchId, IRegistryReadModel model)
    {
        RegistryPermissions.Demand(RegistryPermissions.MayReadBatches(caller), caller, "read batches");
        return model.FindBatch(batchId) ?? throw DomainException.NotFound("batch_id", $"there is no batch {batchId}");
    }

    public static Department GetDepartment(Caller caller, string departmentId, IRegistryReadModel model)
    {
        var department = model.FindDepartment(departmentId) ?? throw DomainException.NotFound("department_id", $"there is no department {departmentId}");
        RegistryPermissions.Demand(RegistryPermissions.MayReadDepartment(caller, departmentId), caller, $"read department {departmentId}");
        return department;
    }

    public static OrganisationView GetOrganisation(Caller caller, string organisationId, IRegistryReadModel model)
    {
        var organisation = model.FindOrganisation(organisationId) ?? throw DomainException.NotFound("organisation_id", $"there is no organisation {organisationId}");
        RegistryPermissions.Demand(
            RegistryPermissions.MayReadOrganisation(caller, organisation, model.RecommendationsNaming(organisation.Id)),
            caller,
            $"read organisation {organisationId}");
        return new OrganisationView(organisation, model.FindException(organisation.CreditCode));
    }

    public static BranchView GetBranch(Caller caller, string branchId, IRegistryReadModel model)
    {
        var branch = model.FindBranch(branchId) ?? throw DomainException.NotFound("branch_id", $"there is no branch {branchId}");
        var view = ViewIfReadable(caller, branch, model);
        RegistryPermissions.Demand(view is not null, caller, $"read branch {branchId}");
        return view!;
    }

    /// <summary>
    /// Keeps the branches the caller may see, as views — e.g. a provincial bureau listing gets only
    /// its own region's. Storage supplies the candidates (all, or those of one region or organisation).
    /// </summary>
    public static IReadOnlyList<BranchView> ReadableBranches(Caller caller, IEnumerable<Branch> candidates, IRegistryReadModel model) =>
        [.. candidates.Select(b => ViewIfReadable(caller, b, model)).OfType<BranchView>()];

    private static BranchView? ViewIfReadable(Caller caller, Branch branch, IRegistryReadModel model)
    {
        var organisation = model.FindOrganisation(branch.OrganisationId);
        if (organisation is null
            || !RegistryPermissions.MayReadBranch(caller, branch, organisation, model.RecommendationsNaming(organisation.Id)))
        {
            return null;
        }

        return new BranchView(branch, organisation.Name, organisation.IsIndustryOrganisation, model.FindException(branch.CreditCode));
    }
}
