using Grpc.Core;
using Pilot.Filing.Domain.Filings;
using Pilot.Filing.Domain.Packages;
using Pilot.Filing.Storage;
using Pilot.Protos.Registry;
using Pilot.SharedKernel;

namespace Pilot.Filing.Registry;

/// <summary>
/// Asks the Registry about a branch with the caller's own token (the Registry lets an organisation read
/// its own branches), and adds what Filing itself knows: whether the pilot work plan was received.
/// </summary>
internal sealed class RegistryBranchFactsSource(
    Protos.Registry.Registry.RegistryClient registry, CallerToken token, FilingStore store) : IBranchFactsSource
{
    public async Task<BranchFacts?> FindAsync(string batchId, string branchId, CancellationToken cancellationToken = default)
    {
        Branch branch;
        try
        {
            branch = await registry.GetBranchAsync(new GetBranchRequest { BranchId = branchId }, token.Headers(), cancellationToken: cancellationToken);
        }
        catch (RpcException error) when (error.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
        catch (RpcException error) when (error.StatusCode == StatusCode.PermissionDenied)
        {
            throw DomainException.Forbidden($"the Registry does not let this caller read branch {branchId}: {error.Status.Detail}");
        }
        catch (RpcException error) when (error.StatusCode is StatusCode.Unavailable or StatusCode.Unimplemented or StatusCode.DeadlineExceeded)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, $"the Registry cannot be asked about branch {branchId} right now; retry later ({error.Status.Detail})"));
        }

        if (branch.BatchId != batchId)
        {
            return null;
        }

        return new BranchFacts(
            branch.Id,
            branch.OrganisationId,
            branch.Region?.Code ?? string.Empty,
            OrganisationRecommendedForBatch: branch.OrganisationAdmitted && !branch.OrganisationIsIndustry,
            OrganisationIsIndustryOrganisation: branch.OrganisationIsIndustry,
            PilotWorkPlan: await PilotWorkPlanAsync(branch, batchId));
    }

    /// <summary>
    /// The pilot work plan that names the branch arrives in a material package, which Filing holds: an industry
    /// organisation hands in its own (with its branch list); a recommended organisation's plan comes with the
    /// package of a department that recommended it for the batch, as the Registry reports those departments.
    /// The version in force of any one of those packages naming the branch is enough.
    /// </summary>
    private async Task<PilotWorkPlan> PilotWorkPlanAsync(Branch branch, string batchId)
    {
        IReadOnlyList<string> sponsors = branch.OrganisationIsIndustry ? [branch.OrganisationId] : [.. branch.RecommendedBy];
        var standing = PilotWorkPlan.NotReceived;
        foreach (var sponsor in sponsors)
        {
            if (await store.FindPackageAsync(MaterialPackage.IdFor(batchId, sponsor)) is not { } package)
            {
                continue;
            }

            if (package.Current.Names(branch.Id))
            {
                return PilotWorkPlan.NamesBranch;
            }

            standing = PilotWorkPlan.ReceivedWithoutBranch;
        }

        return standing;
    }
}
