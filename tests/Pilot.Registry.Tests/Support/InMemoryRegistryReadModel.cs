using Pilot.Registry.Domain.Model;
using Pilot.SharedKernel;

namespace Pilot.Registry.Domain.State;

/// <summary>
/// An immutable snapshot of registry state held in memory, for the domain's tests: they build one record by
/// record, and each With… returns a new snapshot, so a decision's result can be folded in.
/// </summary>
internal sealed class InMemoryRegistryReadModel : IRegistryReadModel
{
    private readonly IReadOnlyDictionary<string, Batch> batches;
    private readonly IReadOnlyDictionary<string, Department> departments;
    private readonly IReadOnlyDictionary<string, EvaluationOrganisation> organisations;
    private readonly IReadOnlyDictionary<string, Branch> branches;
    private readonly IReadOnlyList<Recommendation> recommendations;
    private readonly IReadOnlyDictionary<string, ExceptionRecord> exceptions;

    public InMemoryRegistryReadModel()
        : this(
            new Dictionary<string, Batch>(StringComparer.Ordinal),
            new Dictionary<string, Department>(StringComparer.Ordinal),
            new Dictionary<string, EvaluationOrganisation>(StringComparer.Ordinal),
            new Dictionary<string, Branch>(StringComparer.Ordinal),
            [],
            new Dictionary<string, ExceptionRecord>(StringComparer.Ordinal))
    {
    }

    private InMemoryRegistryReadModel(
        IReadOnlyDictionary<string, Batch> batches,
        IReadOnlyDictionary<string, Department> departments,
        IReadOnlyDictionary<string, EvaluationOrganisation> organisations,
        IReadOnlyDictionary<string, Branch> branches,
        IReadOnlyList<Recommendation> recommendations,
        IReadOnlyDictionary<string, ExceptionRecord> exceptions)
    {
        this.batches = batches;
        this.departments = departments;
        this.organisations = organisations;
        this.branches = branches;
        this.recommendations = recommendations;
        this.exceptions = exceptions;
    }

    public IReadOnlyCollection<Branch> Branches => [.. branches.Values];

    public InMemoryRegistryReadModel With(Batch batch) =>
        new(Put(batches, batch.Id, batch), departments, organisations, branches, recommendations, exceptions);

    public InMemoryRegistryReadModel With(Department department) =>
        new(batches, Put(departments, department.Id, department), organisations, branches, recommendations, exceptions);

    public InMemoryRegistryReadModel With(EvaluationOrganisation organisation) =>
        new(batches, departments, Put(organisations, organisation.Id, organisation), branches, recommendations, exceptions);

    public InMemoryRegistryReadModel With(Branch branch) =>
        new(batches, departments, organisations, Put(branches, branch.Id, branch), recommendations, exceptions);

    public InMemoryRegistryReadModel With(Recommendation recommendation) =>
        new(
            batches,
            departments,
            organisations,
            branches,
            [.. recommendations.Where(r => !SameKey(r, recommendation)), recommendation],
            exceptions);

    public InMemoryRegistryReadModel With(ExceptionRecord exception) =>
        new(batches, departments, organisations, branches, recommendations, Put(exceptions, exception.CreditCode.Value, exception));

    public Batch? FindBatch(string batchId) => batches.GetValueOrDefault(batchId);

    public Department? FindDepartment(string departmentId) => departments.GetValueOrDefault(departmentId);

    public EvaluationOrganisation? FindOrganisation(string organisationId) => organisations.GetValueOrDefault(organisationId);

    public Branch? FindBranch(string branchId) => branches.GetValueOrDefault(branchId);

    public Recommendation? FindRecommendation(string batchId, string departmentId) =>
        recommendations.FirstOrDefault(r =>
            string.Equals(r.BatchId, batchId, StringComparison.Ordinal)
            && string.Equals(r.DepartmentId, departmentId, StringComparison.Ordinal));

    public IReadOnlyList<Recommendation> RecommendationsNaming(string organisationId) =>
        [.. recommendations.Where(r => r.OrganisationIds.Contains(organisationId, StringComparer.Ordinal))];

    public ExceptionRecord? FindException(UnifiedSocialCreditCode creditCode) => exceptions.GetValueOrDefault(creditCode.Value);

    public CreditCodeHolder? FindCreditCodeHolder(UnifiedSocialCreditCode creditCode)
    {
        var organisation = organisations.Values.FirstOrDefault(o => o.CreditCode == creditCode);
        if (organisation is not null)
        {
            return new CreditCodeHolder(PartyKind.Organisation, organisation.Id, organisation.Name);
        }

        var branch = branches.Values.FirstOrDefault(b => b.CreditCode == creditCode);
        return branch is null ? null : new CreditCodeHolder(PartyKind.Branch, branch.Id, branch.Name);
    }

    private static Dictionary<string, T> Put<T>(IReadOnlyDictionary<string, T> source, string key, T value) =>
        new(source, StringComparer.Ordinal) { [key] = value };

    private static bool SameKey(Recommendation a, Recommendation b) =>
        string.Equals(a.BatchId, b.BatchId, StringComparison.Ordinal)
        && string.Equals(a.DepartmentId, b.DepartmentId, StringComparison.Ordinal);
}
