using Grpc.Core;
using Pilot.Filing.Application;
using Pilot.Filing.Storage;
using Pilot.Filing.IntegrationEvents;
using Pilot.Filing.Tests.Grpc.Support;
using Pilot.Protos.Filing;

namespace Pilot.Filing.Tests.Grpc;

/// <summary>Races and retries against the real Redis: the version and request-id conditions must hold.</summary>
public sealed class ConcurrencyTests(FilingFactory factory) : IClassFixture<FilingFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly Scenario scenario = new(factory);

    [Fact]
    public async Task Of_two_parallel_accepts_exactly_one_wins()
    {
        for (var round = 0; round < 10; round++)
        {
            var filing = await scenario.FileAsync(scenario.Branch());
            var calls = Enumerable.Range(0, 2).Select(i => Outcome(scenario.Client.AcceptFilingAsync(
                Scenario.Accept(filing), scenario.Bureau(Scenario.Beijing, clerk: $"clerk-{i}"), cancellationToken: Ct).ResponseAsync)).ToList();
            var results = await Task.WhenAll(calls);

            Assert.Single(results, r => r.Status == StatusCode.OK);
            Assert.Single(results, r => r.Status == StatusCode.Aborted);
            var stored = await scenario.Client.GetFilingAsync(new GetFilingRequest { FilingId = filing.FilingId }, scenario.NationalCentre(), cancellationToken: Ct);
            Assert.Equal(filing.Version + 1, stored.Version);
            Assert.Equal(results.Single(r => r.Reply is not null).Reply!.Decision.FilingNumber, stored.Decision.FilingNumber);
            Assert.Single(await scenario.EventsAboutAsync(filing.FilingId), e => e.Type == FilingAccepted.EventType);
        }
    }

    [Fact]
    public async Task An_accept_racing_a_reject_leaves_one_decision()
    {
        var filing = await scenario.FileAsync(scenario.Branch());
        var accept = Outcome(scenario.Client.AcceptFilingAsync(Scenario.Accept(filing), scenario.Bureau(Scenario.Beijing, "a"), cancellationToken: Ct).ResponseAsync);
        var reject = Outcome(scenario.Client.RejectFilingAsync(new RejectFilingRequest
        {
            RequestId = Scenario.Unique("req"), FilingId = filing.FilingId, ExpectedVersion = filing.Version, Reason = "incomplete",
        }, scenario.Bureau(Scenario.Beijing, "b"), cancellationToken: Ct).ResponseAsync);

        var results = await Task.WhenAll(accept, reject);

        Assert.Single(results, r => r.Status == StatusCode.OK);
        var decisions = (await scenario.EventsAboutAsync(filing.FilingId)).Count(e => e.Type == FilingAccepted.EventType || e.Type == FilingRejected.EventType);
        Assert.Equal(1, decisions);
    }

    [Fact]
    public async Task The_same_filing_number_given_to_two_filings_at_once_is_taken_by_one()
    {
        var first = await scenario.FileAsync(scenario.Branch());
        var second = await scenario.FileAsync(scenario.Branch());
        var number = Scenario.Unique("BJ");

        var results = await Task.WhenAll(
            Outcome(scenario.Client.AcceptFilingAsync(Scenario.Accept(first, number), scenario.Bureau(Scenario.Beijing, "a"), cancellationToken: Ct).ResponseAsync),
            Outcome(scenario.Client.AcceptFilingAsync(Scenario.Accept(second, number), scenario.Bureau(Scenario.Beijing, "b"), cancellationToken: Ct).ResponseAsync));

        Assert.Single(results, r => r.Status == StatusCode.OK);
        // The loser is told the number is taken (AlreadyExists; Aborted before, which invited a useless retry).
        Assert.Single(results, r => r.Status == StatusCode.AlreadyExists);
        var winner = results.Single(r => r.Reply is not null).Reply!.FilingId;
        Assert.Equal(winner, (string?)await factory.Redis.StringGetAsync($"filing:number:{Scenario.Beijing}:{number}"));
    }

    [Fact]
    public async Task Retries_of_one_request_id_in_parallel_change_the_filing_once_and_all_get_the_same_answer()
    {
        var filing = await scenario.FileAsync(scenario.Branch());
        var accept = Scenario.Accept(filing);
        var bureau = scenario.Bureau(Scenario.Beijing, "retrying-clerk");

        var replies = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => scenario.Client.AcceptFilingAsync(accept, bureau, cancellationToken: Ct).ResponseAsync));
        var later = await scenario.Client.AcceptFilingAsync(accept, bureau, cancellationToken: Ct);

        Assert.All(replies, reply => Assert.Equal(replies[0], reply));
        Assert.Equal(replies[0], later);
        Assert.Equal(filing.Version + 1, later.Version);
        Assert.Single(await scenario.EventsAboutAsync(filing.FilingId), e => e.Type == FilingAccepted.EventType);
        var changes = await factory.Redis.StreamRangeAsync($"filing:changes:{Scenario.Beijing}");
        Assert.Single(changes, c => c["kind"] == "Accepted" && StorageJson.Read<FilingView>(c["record"].ToString()).Filing.FilingId == filing.FilingId);
    }

    [Fact]
    public async Task A_retried_submission_does_not_file_twice()
    {
        var branch = scenario.Branch();
        var request = Scenario.FilingRequest(branch);

        var first = await scenario.Client.SubmitFilingAsync(request, branch.Caller, cancellationToken: Ct);
        var retry = await scenario.Client.SubmitFilingAsync(request, branch.Caller, cancellationToken: Ct);

        Assert.Equal(first, retry);
        Assert.Single(await scenario.EventsAboutAsync(first.FilingId));
    }

    [Fact]
    public async Task A_request_id_reused_for_a_different_request_is_refused()
    {
        var filing = await scenario.FileAsync(scenario.Branch());
        var bureau = scenario.Bureau(Scenario.Beijing, "reusing-clerk");
        var accept = Scenario.Accept(filing);
        await scenario.Client.AcceptFilingAsync(accept, bureau, cancellationToken: Ct);

        var other = await scenario.FileAsync(scenario.Branch());
        var reused = Scenario.Accept(other);
        reused.RequestId = accept.RequestId;
        var error = await Scenario.RefusedAsync(() => scenario.Client.AcceptFilingAsync(reused, bureau, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("request_id", Scenario.Fields(error));
        var untouched = await scenario.Client.GetFilingAsync(new GetFilingRequest { FilingId = other.FilingId }, bureau, cancellationToken: Ct);
        Assert.Equal(FilingStatus.Submitted, untouched.Status);
    }

    [Fact]
    public async Task Of_two_parallel_first_hand_ins_of_a_package_exactly_one_becomes_version_1()
    {
        var (org, caller) = scenario.Sponsor(Pilot.Filing.Domain.Materials.SubmitterKind.Department);
        var file = await scenario.UploadAsync(caller, org, Pilot.Filing.Tests.Domain.SampleFiles.Pdf());
        var calls = Enumerable.Range(0, 2).Select(async _ =>
        {
            try
            {
                return (StatusCode.OK, (await scenario.Client.SubmitPackageAsync(
                    Scenario.CompletePackage(Pilot.Filing.Domain.Materials.SubmitterKind.Department, org, file.Sha256), caller, cancellationToken: Ct)).Version);
            }
            catch (RpcException error)
            {
                return (error.StatusCode, -1L);
            }
        });

        var results = await Task.WhenAll(calls);

        Assert.Single(results, r => r.Item1 == StatusCode.OK && r.Item2 == 1);
        Assert.Single(results, r => r.Item1 == StatusCode.Aborted);
        var package = await scenario.Client.GetPackageAsync(
            new GetPackageRequest { BatchId = FilingFactory.OpenBatch, SponsorOrgId = org }, caller, cancellationToken: Ct);
        Assert.Single(package.Versions);
    }

    private static async Task<(StatusCode Status, FilingRecord? Reply)> Outcome(Task<FilingRecord> call)
    {
        try
        {
            return (StatusCode.OK, await call);
        }
        catch (RpcException error)
        {
            return (error.StatusCode, null);
        }
    }
}
