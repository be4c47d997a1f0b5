using Pilot.Commands;
using Pilot.Registry.Domain.Commands;
using Pilot.Registry.Domain.Decisions;
using Pilot.Registry.Domain.Model;
using Pilot.Registry.Domain.Queries;
using Pilot.Registry.IntegrationEvents;
using Pilot.Registry.Storage;
using Pilot.SharedKernel;
using StackExchange.Redis;

namespace Pilot.Registry.Application;

/// <summary>
/// Each Registry state change on the command pipeline: which records to read first, which decision to take, where the
/// new record and its indexes go, and what to answer. Domain commands in, domain records out; the wire is the gRPC
/// layer's business.
/// </summary>
internal sealed class RegistryCommands(RegistryDecider decider, CommandPipeline pipeline, IConnectionMultiplexer redis, TimeProvider clock)
{
    public Task<Batch> OpenBatchAsync(OpenBatch command, Caller caller, CancellationToken cancellationToken) =>
        RunAsync(
            caller, command.RequestId, nameof(OpenBatch), command,
            [RegistryKeys.Batch(command.BatchId)],
            snapshot => decider.OpenBatch(command, caller, snapshot),
            RecordBatch,
            (batch, _) => batch,
            cancellationToken);

    public Task<Batch> CloseBatchAsync(CloseBatch command, Caller caller, CancellationToken cancellationToken) =>
        RunAsync(
            caller, command.RequestId, nameof(CloseBatch), command,
            [RegistryKeys.Batch(command.BatchId)],
            snapshot => decider.CloseBatch(command, caller, snapshot),
            RecordBatch,
            (batch, _) => batch,
            cancellationToken);

    public Task<Department> RegisterDepartmentAsync(RegisterDepartment command, Caller caller, CancellationToken cancellationToken) =>
        RunAsync(
            caller, command.RequestId, nameof(RegisterDepartment), command,
            [RegistryKeys.Department(command.DepartmentId)],
            snapshot => decider.RegisterDepartment(command, caller, snapshot),
            (changes, department, _) => changes.Put(RegistryKeys.Department(department.Id), department),
            (department, _) => department,
            cancellationToken);

    public Task<OrganisationView> RegisterOrganisationAsync(RegisterOrganisation command, Caller caller, CancellationToken cancellationToken) =>
        RunOrganisationAsync(
            caller, command.RequestId, nameof(RegisterOrganisation), command,
            [RegistryKeys.Organisation(command.Organisation.Id), .. CreditKeys(command.Organisation.CreditCode)],
            snapshot => decider.RegisterOrganisation(command, caller, snapshot),
            isNew: true,
            cancellationToken);

    public Task<OrganisationView> RegisterIndustryOrganisationAsync(RegisterIndustryOrganisation command, Caller caller, CancellationToken cancellationToken) =>
        RunOrganisationAsync(
            caller, command.RequestId, nameof(RegisterIndustryOrganisation), command,
            [RegistryKeys.Organisation(command.Organisation.Id), .. CreditKeys(command.Organisation.CreditCode)],
            snapshot => decider.RegisterIndustryOrganisation(command, caller, snapshot),
            isNew: true,
            cancellationToken);

    public Task<OrganisationView> ReplaceContactsAsync(ReplaceContacts command, Caller caller, CancellationToken cancellationToken) =>
        RunOrganisationAsync(
            caller, command.RequestId, nameof(ReplaceContacts), command,
            [RegistryKeys.Organisation(command.OrganisationId), RegistryKeys.RecommendationsNaming(command.OrganisationId)],
            snapshot => decider.ReplaceContacts(command, caller, snapshot),
            isNew: false,
            cancellationToken);

    public Task<OrganisationView> PublishOrganisationAsync(PublishOrganisation command, Caller caller, CancellationToken cancellationToken) =>
        RunOrganisationAsync(
            caller, command.RequestId, nameof(PublishOrganisation), command,
            [RegistryKeys.Organisation(command.OrganisationId)],
            snapshot => decider.PublishOrganisation(command, caller, snapshot),
            isNew: false,
            cancellationToken);

    public Task<Recommendation> RecommendAsync(RecommendOrganisations command, Caller caller, CancellationToken cancellationToken) =>
        RunAsync(
            caller, command.RequestId, nameof(RecommendOrganisations), command,
            [
                RegistryKeys.Batch(command.BatchId),
                RegistryKeys.Department(command.DepartmentId),
                RegistryKeys.Recommendation(command.BatchId, command.DepartmentId),
                .. command.OrganisationIds.SelectMany(id => new[] { RegistryKeys.Organisation(id), RegistryKeys.RecommendationsNaming(id) }),
            ],
            snapshot => decider.RecommendOrganisations(command, caller, snapshot),
            (changes, recommendation, snapshot) =>
            {
                changes.Put(RegistryKeys.Recommendation(recommendation.BatchId, recommendation.DepartmentId), recommendation);
                foreach (var organisationId in recommendation.OrganisationIds)
                {
                    changes.Put(RegistryKeys.RecommendationsNaming(organisationId), snapshot.RecommendationsNaming(organisationId).Append(recommendation).ToList());
                }
            },
            (recommendation, _) => recommendation,
            cancellationToken);

    public Task<RecommendedBranch> AddBranchAsync(AddBranch command, Caller caller, CancellationToken cancellationToken) =>
        RunAsync(
            caller, command.RequestId, nameof(AddBranch), command,
            [
                RegistryKeys.Batch(command.BatchId),
                RegistryKeys.Organisation(command.OrganisationId),
                RegistryKeys.RecommendationsNaming(command.OrganisationId),
                RegistryKeys.Branch(command.Branch.Id),
                .. CreditKeys(command.Branch.CreditCode),
            ],
            snapshot => decider.AddBranch(command, caller, snapshot),
            (changes, branch, _) =>
            {
                changes.Put(RegistryKeys.Branch(branch.Id), branch);
                changes.Put(RegistryKeys.CreditCodeHolder(branch.CreditCode), new Domain.State.CreditCodeHolder(PartyKind.Branch, branch.Id, branch.Name));
                changes.Index(RegistryKeys.Branches, branch.Id);
                changes.Index(RegistryKeys.BranchesOfRegion(branch.Region.Code), branch.Id);
                changes.Index(RegistryKeys.BranchesOfOrganisation(branch.OrganisationId), branch.Id);
            },
            RespondBranch,
            cancellationToken);

    public Task<RecommendedBranch> ChangeBranchAsync(ChangeBranch command, Caller caller, CancellationToken cancellationToken) =>
        RunAsync(
            caller, command.RequestId, nameof(ChangeBranch), command,
            [RegistryKeys.Branch(command.Branch.Id), .. CreditKeys(command.Branch.CreditCode)],
            snapshot => decider.ChangeBranch(command, caller, snapshot),
            (changes, branch, snapshot) =>
            {
                var before = snapshot.FindBranch(branch.Id);
                changes.Put(RegistryKeys.Branch(branch.Id), branch);
                if (before is not null && before.Region.Code != branch.Region.Code)
                {
                    changes.Unindex(RegistryKeys.BranchesOfRegion(before.Region.Code), branch.Id);
                    changes.Index(RegistryKeys.BranchesOfRegion(branch.Region.Code), branch.Id);
                }
            },
            RespondBranch,
            cancellationToken,
            thenPrefetch: snapshot => snapshot.FindBranch(command.Branch.Id) is { } existing
                ? [RegistryKeys.Organisation(existing.OrganisationId), RegistryKeys.RecommendationsNaming(existing.OrganisationId), RegistryKeys.Batch(existing.BatchId)]
                : []);

    public Task<ExceptionRecord> RecordExceptionAsync(RecordException command, Caller caller, CancellationToken cancellationToken) =>
        RunAsync(
            caller, command.RequestId, nameof(RecordException), command,
            CreditKeys(command.CreditCode),
            snapshot => decider.RecordException(command, caller, snapshot, clock.GetUtcNow()),
            (changes, exception, _) => changes.Put(RegistryKeys.Exception(exception.CreditCode), exception),
            (exception, _) => exception,
            cancellationToken);

    /// <param name="prefetch">Keys read up front in one round trip, with the request id's stored answer.</param>
    /// <param name="thenPrefetch">Keys that can only be named once the prefetched records are in (a branch's organisation, say).</param>
    private Task<TAnswer> RunAsync<TState, TAnswer>(
        Caller caller,
        string requestId,
        string name,
        object request,
        IReadOnlyList<string> prefetch,
        Func<RegistrySnapshot, Decision<TState>> decide,
        Action<RegistryChangeSet, TState, RegistrySnapshot> record,
        Func<TState, RegistrySnapshot, TAnswer> respond,
        CancellationToken cancellationToken,
        Func<RegistrySnapshot, IEnumerable<string>>? thenPrefetch = null)
        where TAnswer : class =>
        pipeline.RunAsync(
            new Command<RegistrySnapshot, TAnswer>(
                caller,
                requestId,
                name,
                request,
                async _ =>
                {
                    var snapshot = new RegistrySnapshot(redis.GetDatabase());
                    await snapshot.PrefetchAsync(prefetch).ConfigureAwait(false);
                    if (thenPrefetch is not null)
                    {
                        await snapshot.PrefetchAsync(thenPrefetch(snapshot)).ConfigureAwait(false);
                    }

                    return snapshot;
                },
                snapshot =>
                {
                    var decision = decide(snapshot);
                    var changes = new RegistryChangeSet();
                    record(changes, decision.State, snapshot);
                    var answer = respond(decision.State, snapshot);
                    snapshot.ClaimCreated(changes);
                    return CommandResult.Accepted(answer, changes.AddTo, [.. decision.Events.Select(RegistryEventMapper.ToOutgoing)]);
                }),
            cancellationToken);

    private Task<OrganisationView> RunOrganisationAsync(
        Caller caller,
        string requestId,
        string name,
        object request,
        IReadOnlyList<string> prefetch,
        Func<RegistrySnapshot, Decision<EvaluationOrganisation>> decide,
        bool isNew,
        CancellationToken cancellationToken) =>
        RunAsync(
            caller, requestId, name, request, prefetch, decide,
            (changes, organisation, _) =>
            {
                changes.Put(RegistryKeys.Organisation(organisation.Id), organisation);
                if (isNew)
                {
                    changes.Put(RegistryKeys.CreditCodeHolder(organisation.CreditCode), new Domain.State.CreditCodeHolder(PartyKind.Organisation, organisation.Id, organisation.Name));
                    changes.Index(RegistryKeys.Organisations, organisation.Id);
                }
            },
            (organisation, snapshot) => new OrganisationView(organisation, snapshot.FindException(organisation.CreditCode)),
            cancellationToken,
            // prefetch[0] is always the organisation's own key.
            thenPrefetch: snapshot => snapshot.Get<EvaluationOrganisation>(prefetch[0]) is { } organisation
                ? [RegistryKeys.Exception(organisation.CreditCode)]
                : []);

    private static void RecordBatch(RegistryChangeSet changes, Batch batch, RegistrySnapshot snapshot)
    {
        changes.Put(RegistryKeys.Batch(batch.Id), batch);
        changes.Index(RegistryKeys.Batches, batch.Id);
    }

    private static RecommendedBranch RespondBranch(Branch branch, RegistrySnapshot snapshot)
    {
        var organisation = snapshot.FindOrganisation(branch.OrganisationId)
            ?? throw new InvalidOperationException($"branch {branch.Id} names missing organisation {branch.OrganisationId}");
        var view = new BranchView(branch, organisation.Name, organisation.IsIndustryOrganisation, snapshot.FindException(branch.CreditCode));
        return new RecommendedBranch(view, RegistryReads.RecommendedBy(organisation, branch.BatchId, snapshot));
    }

    // Credit-code keys are read up front only when the code parses; a bad code is refused by the decision.
    private static string[] CreditKeys(string creditCode) =>
        UnifiedSocialCreditCode.TryParse(creditCode, out var code, out _)
            ? [RegistryKeys.CreditCodeHolder(code), RegistryKeys.Exception(code)]
            : [];
}
