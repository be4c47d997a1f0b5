using Grpc.Core;
using Pilot.Filing.Tests.Grpc.Support;
using Pilot.Protos.Filing;
using Pilot.SharedKernel;

namespace Pilot.Filing.Tests.Grpc;

public sealed class AuditTests(FilingFactory factory) : IClassFixture<FilingFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly Scenario scenario = new(factory);

    [Fact]
    public async Task The_trail_records_who_did_what_from_which_system_newest_first_page_by_page()
    {
        const string region = "420000";
        var clerk = Scenario.Unique("clerk");
        var bureau = scenario.Bureau(region, clerk);
        var decided = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var filing = await scenario.FileAsync(scenario.Branch(region));
            await scenario.Client.AcceptFilingAsync(Scenario.Accept(filing), bureau, cancellationToken: Ct);
            decided.Add(filing.FilingId);
        }

        var entries = new List<AuditEntry>();
        var token = "";
        do
        {
            var page = await scenario.Client.ListAuditAsync(new ListAuditRequest { PageSize = 3, PageToken = token }, bureau, cancellationToken: Ct);
            Assert.True(page.Entries.Count <= 3);
            entries.AddRange(page.Entries);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        var accepts = entries.Where(e => e.Action == "filing.filing.accept").ToList();
        Assert.Equal(Enumerable.Reverse(decided), accepts.Select(e => e.Target));
        Assert.All(accepts, e => Assert.Equal((clerk, Roles.ProvincialHr, region, $"{Roles.ProvincialHr}-system", true), (e.Subject, e.Role, e.Region, e.System, e.Succeeded)));
        Assert.Equal(10, entries.Count);
        Assert.Equal(entries.Count, entries.Select(e => (e.Target, e.Action)).Distinct().Count());
    }

    [Fact]
    public async Task A_refusal_repeated_under_its_request_id_is_audited_once_and_a_request_id_reused_for_another_request_is_audited()
    {
        var filing = await scenario.FileAsync(scenario.Branch(Scenario.Beijing));
        var shanghaiClerk = Scenario.Unique("clerk-sh");
        var shanghai = scenario.Bureau(Scenario.Shanghai, shanghaiClerk);
        var reaching = Scenario.Accept(filing);

        var first = await Scenario.RefusedAsync(() => scenario.Client.AcceptFilingAsync(reaching, shanghai, cancellationToken: Ct).ResponseAsync);
        var again = await Scenario.RefusedAsync(() => scenario.Client.AcceptFilingAsync(reaching, shanghai, cancellationToken: Ct).ResponseAsync);

        // Beijing accepts under a request id, then sends that id with another request (a rejection).
        var beijingClerk = Scenario.Unique("clerk-bj");
        var beijing = scenario.Bureau(Scenario.Beijing, beijingClerk);
        var accept = Scenario.Accept(filing);
        var accepted = await scenario.Client.AcceptFilingAsync(accept, beijing, cancellationToken: Ct);
        var reused = await Scenario.RefusedAsync(() => scenario.Client.RejectFilingAsync(new RejectFilingRequest
        {
            RequestId = accept.RequestId, FilingId = filing.FilingId, ExpectedVersion = accepted.Version, Reason = "场地证明缺失",
        }, beijing, cancellationToken: Ct).ResponseAsync);

        Assert.Equal((StatusCode.PermissionDenied, StatusCode.PermissionDenied), (first.StatusCode, again.StatusCode));
        Assert.Equal(StatusCode.InvalidArgument, reused.StatusCode);
        Assert.Equal(["request_id"], Scenario.Fields(reused));
        var trail = await scenario.Client.ListAuditAsync(new ListAuditRequest { PageSize = 200 }, scenario.NationalCentre(), cancellationToken: Ct);
        Assert.Single(trail.Entries, e => e.Subject == shanghaiClerk && e.RequestId == reaching.RequestId);
        var beijingAttempts = trail.Entries.Where(e => e.Subject == beijingClerk && e.RequestId == accept.RequestId).OrderBy(e => e.At).ToList();
        Assert.Equal([(true, ""), (false, "INVALID")], beijingAttempts.Select(e => (e.Succeeded, e.RefusalKind)));
        Assert.Equal("filing.filing.reject", beijingAttempts[1].Action);
    }

    [Fact]
    public async Task Chinese_filing_numbers_are_stored_and_announced_as_readable_text()
    {
        var filing = await scenario.FileAsync(scenario.Branch());
        var number = $"京人社备〔2026〕{Scenario.Unique("n")}号";
        await scenario.Client.AcceptFilingAsync(Scenario.Accept(filing, number), scenario.Bureau(Scenario.Beijing, Scenario.Unique("clerk")), cancellationToken: Ct);

        var trail = await factory.Redis.StreamRangeAsync(Pilot.Filing.Storage.FilingKeys.RegionAudit(Scenario.Beijing), "-", "+", count: 1, messageOrder: StackExchange.Redis.Order.Descending);
        var events = await factory.Redis.StreamRangeAsync("filing-events", "-", "+", count: 20, messageOrder: StackExchange.Redis.Order.Descending);

        Assert.Contains($"accepted as {number}", (string)trail.Single()["record"]!, StringComparison.Ordinal);
        Assert.Contains(events, e => ((string)e["data"]!).Contains($"\"filingNumber\":\"{number}\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Organisations_may_not_read_the_trail_and_bad_requests_are_refused()
    {
        var organisation = await Scenario.RefusedAsync(() => scenario.Client.ListAuditAsync(
            new ListAuditRequest(), scenario.Branch().Caller, cancellationToken: Ct).ResponseAsync);
        var unknownRegion = await Scenario.RefusedAsync(() => scenario.Client.ListAuditAsync(
            new ListAuditRequest { RegionCode = "990000" }, scenario.NationalCentre(), cancellationToken: Ct).ResponseAsync);
        var badToken = await Scenario.RefusedAsync(() => scenario.Client.ListAuditAsync(
            new ListAuditRequest { PageToken = "yesterday" }, scenario.NationalCentre(), cancellationToken: Ct).ResponseAsync);
        var hugePage = await Scenario.RefusedAsync(() => scenario.Client.ListAuditAsync(
            new ListAuditRequest { PageSize = 100_000 }, scenario.NationalCentre(), cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, organisation.StatusCode);
        Assert.Equal((StatusCode.InvalidArgument, "region_code"), (unknownRegion.StatusCode, Scenario.Fields(unknownRegion).Single()));
        Assert.Equal((StatusCode.InvalidArgument, "page_token"), (badToken.StatusCode, Scenario.Fields(badToken).Single()));
        Assert.Equal((StatusCode.InvalidArgument, "page_size"), (hugePage.StatusCode, Scenario.Fields(hugePage).Single()));
    }

    [Fact]
    public async Task A_stream_id_passed_as_page_token_is_refused_as_page_token_not_handed_to_Redis()
    {
        // Tokens used to be stream ids; "0-0" then reached Redis as an empty range and answered Unknown.
        foreach (var token in new[] { "0-0", "1764151200000-0" })
        {
            var error = await Scenario.RefusedAsync(() => scenario.Client.ListAuditAsync(
                new ListAuditRequest { PageToken = token }, scenario.NationalCentre(), cancellationToken: Ct).ResponseAsync);
            Assert.Equal((StatusCode.InvalidArgument, "page_token"), (error.StatusCode, Scenario.Fields(error).Single()));
        }
    }
}
