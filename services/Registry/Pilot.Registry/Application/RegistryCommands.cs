using Pilot.Registry.Domain.Decisions;
using Pilot.Registry.Domain.Model;
using Pilot.Registry.Domain.Queries;
using Pilot.Registry.Grpc;
using Pilot.Registry.Storage;
using Pilot.SharedKernel;
using Proto = Pilot.Protos.Registry;

namespace Pilot.Registry.Application;

/// <summary>
/// Each Registry state change as a <see cref="RegistryCommand{TState,TResponse}"/>: what to read
/// first, which decision to take, where the new record and its indexes go, and what to answer.
/// </summary>
internal sealed class RegistryCommands(RegistryDecider decider, RegistryCommandRunner runner)
{
    public Task<Proto.Batch> OpenBatchAsync(Proto.OpenBatchRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var command = RegistryRequestMapper.ToCommand(request);
        return runner.RunAsync(
            new RegistryCommand<Batch, Proto.Batch>(
                caller,
                request.RequestId,
                request,
                [RegistryKeys.Batch(command.BatchId)],
                snapshot => decider.OpenBatch(command, caller, snapshot),
                RecordBatch,
                (batch, _) => RegistryResponseMapper.ToProto(batch)),
            cancellationToken);
    }

    public Task<Proto.Batch> CloseBatchAsync(Proto.CloseBatchRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var command = new Domain.Commands.CloseBatch(request.RequestId, request.BatchId);
        return runner.RunAsync(
            new RegistryCommand<Batch, Proto.Batch>(
                caller,
                request.RequestId,
                request,
                [RegistryKeys.Batch(command.BatchId)],
                snapshot => decider.CloseBatch(command, caller, snapshot),
                RecordBatch,
                (batch, _) => RegistryResponseMapper.ToProto(batch)),
            cancellationToken);
    }

    public Task<Proto.Department> RegisterDepartmentAsync(Proto.RegisterDepartmentRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var command = RegistryRequestMapper.ToCommand(request);
        return runner.RunAsync(
            new RegistryCommand<Department, Proto.Department>(
                caller,
                request.RequestId,
                request,
                [RegistryKeys.Department(command.DepartmentId)],
                snapshot => decider.RegisterDepartment(command, caller, snapshot),
                (changes, department, _) => changes.Put(RegistryKeys.Department(department.Id), department),
                (department, _) => RegistryResponseMapper.ToProto(department)),
            cancellationToken);
    }

    public Task<Proto.Organisation> RegisterOrganisationAsync(Proto.RegisterOrganisationRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var command = RegistryRequestMapper.ToCommand(request);
        return RunOrganisationAsync(
            caller,
            request.RequestId,
            request,
            [RegistryKeys.Organisation(command.Organisation.Id), .. CreditKeys(command.Organisation.CreditCode)],
            snapshot => decider.RegisterOrganisation(command, caller, snapshot),
            isNew: true,
            cancellationToken);
    }

    public Task<Proto.Organisation> RegisterIndustryOrganisationAsync(Proto.RegisterIndustryOrganisationRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var command = RegistryRequestMapper.ToCommand(request);
        return RunOrganisationAsync(
            caller,
            request.RequestId,
            request,
            [RegistryKeys.Organisation(command.Organisation.Id), .. CreditKeys(command.Organisation.CreditCode)],
            snapshot => decider.RegisterIndustryOrganisation(command, caller, snapshot),
            isNew: true,
            cancellationToken);
    }

    public Task<Proto.Organisation> ReplaceContactsAsync(Proto.ReplaceContactsRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var command = RegistryRequestMapper.ToCommand(request);
        return RunOrganisationAsync(
            caller,
            request.RequestId,
            request,
            [RegistryKeys.Organisation(command.OrganisationId), RegistryKeys.RecommendationsNaming(command.OrganisationId)],
            snapshot => decider.ReplaceContacts(command, caller, snapshot),
            isNew: false,
            cancellationToken);
    }

    public Task<Proto.Organisation> PublishOrganisationAsync(Proto.PublishOrganisationRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var command = new Domain.Commands.PublishOrganisation(request.RequestId, request.OrganisationId);
        return RunOrganisationAsync(
            caller,
            request.RequestId,
            request,
            [RegistryKeys.Organisation(command.OrganisationId)],
            snapshot => decider.PublishOrganisation(command, caller, snapshot),
            isNew: false,
            cancellationToken);
    }

    public Task<Proto.Recommendation> RecommendAsync(Proto.RecommendOrganisationsRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var command = RegistryRequestMapper.ToCommand(request);
        return runner.RunAsync(
            new RegistryCommand<Recommendation, Proto.Recommendation>(
                caller,
                request.RequestId,
                request,
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
                (recommendation, _) => RegistryResponseMapper.ToProto(recommendation)),
            cancellationToken);
    }

    public Task<Proto.Branch> AddBranchAsync(Proto.AddBranchRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var command = RegistryRequestMapper.ToCommand(request);
        return runner.RunAsync(
            new RegistryCommand<Branch, Proto.Branch>(
                caller,
                request.RequestId,
                request,
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
                RespondBranch),
            cancellationToken);
    }

    public Task<Proto.Branch> ChangeBranchAsync(Proto.ChangeBranchRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var command = RegistryRequestMapper.ToCommand(request);
        return runner.RunAsync(
            new RegistryCommand<Branch, Proto.Branch>(
                caller,
                request.RequestId,
                request,
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
                RespondBranch)
            {
                ThenPrefetch = snapshot => snapshot.FindBranch(command.Branch.Id) is { } existing
                    ? [RegistryKeys.Organisation(existing.OrganisationId), RegistryKeys.RecommendationsNaming(existing.OrganisationId), RegistryKeys.Batch(existing.BatchId)]
                    : [],
            },
            cancellationToken);
    }

    public Task<Proto.RuleException> RecordExceptionAsync(Proto.RecordExceptionRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var command = RegistryRequestMapper.ToCommand(request);
        return runner.RunAsync(
            new RegistryCommand<ExceptionRecord, Proto.RuleException>(
                caller,
                request.RequestId,
                request,
                CreditKeys(command.CreditCode),
                snapshot => decider.RecordException(command, caller, snapshot, runner.Clock.GetUtcNow()),
                (changes, exception, _) => changes.Put(RegistryKeys.Exception(exception.CreditCode), exception),
                (exception, _) => RegistryResponseMapper.ToProto(exception)),
            cancellationToken);
    }

    private Task<Proto.Organisation> RunOrganisationAsync(
        Caller caller,
        string requestId,
        Google.Protobuf.IMessage request,
        IReadOnlyList<string> prefetch,
        Func<RegistrySnapshot, Decision<EvaluationOrganisation>> decide,
        bool isNew,
        CancellationToken cancellationToken) =>
        runner.RunAsync(
            new RegistryCommand<EvaluationOrganisation, Proto.Organisation>(
                caller,
                requestId,
                request,
                prefetch,
                decide,
                (changes, organisation, _) =>
                {
                    changes.Put(RegistryKeys.Organisation(organisation.Id), organisation);
                    if (isNew)
                    {
                        changes.Put(RegistryKeys.CreditCodeHolder(organisation.CreditCode), new Domain.State.CreditCodeHolder(PartyKind.Organisation, organisation.Id, organisation.Name));
                        changes.Index(RegistryKeys.Organisations, organisation.Id);
                    }
                },
                (organisation, snapshot) => RegistryResponseMapper.ToProto(
                    new OrganisationView(organisation, snapshot.FindException(organisation.CreditCode)), decider.Catalogue))
            {
                // prefetch[0] is always the organisation's own key.
                ThenPrefetch = snapshot => snapshot.Get<EvaluationOrganisation>(prefetch[0]) is { } organisation
                    ? [RegistryKeys.Exception(organisation.CreditCode)]
                    : [],
            },
            cancellationToken);

    private static void RecordBatch(RegistryChangeSet changes, Batch batch, RegistrySnapshot snapshot)
    {
        changes.Put(RegistryKeys.Batch(batch.Id), batch);
        changes.Index(RegistryKeys.Batches, batch.Id);
    }

    private Proto.Branch RespondBranch(Branch branch, RegistrySnapshot snapshot)
    {
        var organisation = snapshot.FindOrganisation(branch.OrganisationId)
            ?? throw new InvalidOperationException($"branch {branch.Id} names missing organisation {branch.OrganisationId}");
        var view = new BranchView(branch, organisation.Name, organisation.IsIndustryOrganisation, snapshot.FindException(branch.CreditCode));
        return RegistryResponseMapper.ToProto(view, RegistryReads.RecommendedBy(organisation, branch.BatchId, snapshot), decider.Catalogue);
    }

    // Credit-code keys are read up front only when the code parses; a bad code is refused by the decision.
    private static string[] CreditKeys(string creditCode) =>
        UnifiedSocialCreditCode.TryParse(creditCode, out var code, out _)
            ? [RegistryKeys.CreditCodeHolder(code), RegistryKeys.Exception(code)]
            : [];
}
