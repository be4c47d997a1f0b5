using System.Text.Json;
using Google.Protobuf;
using Grpc.Core;
using Pilot.Filing.IntegrationEvents;
using Pilot.Filing.Tests.Grpc.Support;
using Pilot.Protos.Filing;
using Pilot.SharedKernel;

namespace Pilot.Filing.Tests.Grpc;

public sealed class ReviewTests(FilingFactory factory) : IClassFixture<FilingFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly Scenario scenario = new(factory);

    [Fact]
    public async Task The_bureau_of_the_region_accepts_with_its_filing_number_and_publication_is_told_everything()
    {
        var branch = scenario.Branch(Scenario.Beijing);
        var filing = await scenario.FileAsync(branch);
        var accept = Scenario.Accept(filing);

        var accepted = await scenario.Client.AcceptFilingAsync(accept, scenario.Bureau(Scenario.Beijing), cancellationToken: Ct);

        Assert.Equal(FilingStatus.Accepted, accepted.Status);
        Assert.Equal(filing.Version + 1, accepted.Version);
        Assert.Equal(accept.FilingNumber, accepted.Decision.FilingNumber);
        var events = await scenario.EventsAboutAsync(filing.FilingId);
        var (type, data) = events[^1];
        Assert.Equal(FilingAccepted.EventType, type);
        Assert.Equal(accept.FilingNumber, data.GetProperty("filingNumber").GetString());
        Assert.Equal(branch.Id, data.GetProperty("branchId").GetString());
        Assert.Equal(Scenario.Beijing, data.GetProperty("regionCode").GetString());
        Assert.Equal(["6-18-02-04", "4-02-02-01"], data.GetProperty("occupations").EnumerateArray().Select(o => o.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task Two_bureaus_using_the_same_request_id_announce_two_acceptances_under_different_event_ids()
    {
        // Request ids are unique per caller only: before event ids named the caller, both acceptances went out as
        // "1:pilot.filing.filing-accepted.v1" and Publication dropped the second as a duplicate.
        var sharedRequestId = Scenario.Unique("1");
        var beijing = await scenario.FileAsync(scenario.Branch(Scenario.Beijing));
        var shanghai = await scenario.FileAsync(scenario.Branch(Scenario.Shanghai));

        foreach (var (filing, region) in new[] { (beijing, Scenario.Beijing), (shanghai, Scenario.Shanghai) })
        {
            var accept = Scenario.Accept(filing);
            accept.RequestId = sharedRequestId;
            await scenario.Client.AcceptFilingAsync(accept, scenario.Bureau(region), cancellationToken: Ct);
        }

        var ids = (await factory.Redis.StreamRangeAsync("filing-events"))
            .Select(entry => JsonDocument.Parse(entry["data"].ToString()).RootElement)
            .Where(envelope => envelope.GetProperty("type").GetString() == FilingAccepted.EventType
                && envelope.GetProperty("data").GetProperty("subject").GetString() is { } subject
                && (subject == beijing.FilingId || subject == shanghai.FilingId))
            .Select(envelope => envelope.GetProperty("id").GetString())
            .ToList();
        Assert.Equal(2, ids.Count);
        Assert.Equal(2, ids.Distinct().Count());
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_and_the_branch_may_file_again()
    {
        var branch = scenario.Branch();
        var filing = await scenario.FileAsync(branch);
        var bureau = scenario.Bureau(Scenario.Beijing);

        var noReason = await Scenario.RefusedAsync(() => scenario.Client.RejectFilingAsync(new RejectFilingRequest
        {
            RequestId = Scenario.Unique("req"), FilingId = filing.FilingId, ExpectedVersion = filing.Version, Reason = "  ",
        }, bureau, cancellationToken: Ct).ResponseAsync);
        var rejected = await scenario.Client.RejectFilingAsync(new RejectFilingRequest
        {
            RequestId = Scenario.Unique("req"), FilingId = filing.FilingId, ExpectedVersion = filing.Version, Reason = "场地证明缺失",
        }, bureau, cancellationToken: Ct);
        var again = await scenario.Client.SubmitFilingAsync(Scenario.FilingRequest(branch, expectedVersion: rejected.Version), branch.Caller, cancellationToken: Ct);

        Assert.Equal(StatusCode.InvalidArgument, noReason.StatusCode);
        Assert.Equal("R6", Scenario.Reason(noReason));
        Assert.Equal(FilingStatus.Rejected, rejected.Status);
        Assert.Equal(2, again.Attempt);
        Assert.Equal("场地证明缺失", Assert.Single(again.PastDecisions).Reason);
        Assert.Equal(
            [FilingSubmitted.EventType, FilingRejected.EventType, FilingSubmitted.EventType],
            (await scenario.EventsAboutAsync(filing.FilingId)).Select(e => e.Type));
    }

    [Fact]
    public async Task Another_regions_bureau_may_not_decide_or_read_and_every_attempt_is_audited()
    {
        var branch = scenario.Branch(Scenario.Beijing);
        var filing = await scenario.FileAsync(branch);
        var clerk = Scenario.Unique("clerk-sh");
        var shanghai = scenario.Bureau(Scenario.Shanghai, clerk);

        var accept = await Scenario.RefusedAsync(() => scenario.Client.AcceptFilingAsync(Scenario.Accept(filing), shanghai, cancellationToken: Ct).ResponseAsync);
        var reject = await Scenario.RefusedAsync(() => scenario.Client.RejectFilingAsync(new RejectFilingRequest
        {
            RequestId = Scenario.Unique("req"), FilingId = filing.FilingId, ExpectedVersion = filing.Version, Reason = "no",
        }, shanghai, cancellationToken: Ct).ResponseAsync);
        var get = await Scenario.RefusedAsync(() => scenario.Client.GetFilingAsync(new GetFilingRequest { FilingId = filing.FilingId }, shanghai, cancellationToken: Ct).ResponseAsync);
        var list = await Scenario.RefusedAsync(() => scenario.Client.ListFilingsAsync(new ListFilingsRequest { RegionCode = Scenario.Beijing }, shanghai, cancellationToken: Ct).ResponseAsync);
        var watch = await Scenario.RefusedAsync(async () =>
        {
            using var call = scenario.Client.WatchFilings(new WatchFilingsRequest { RegionCode = Scenario.Beijing }, shanghai, cancellationToken: Ct);
            await call.ResponseStream.MoveNext(Ct);
        });
        var audit = await Scenario.RefusedAsync(() => scenario.Client.ListAuditAsync(new ListAuditRequest { RegionCode = Scenario.Beijing }, shanghai, cancellationToken: Ct).ResponseAsync);

        Assert.All(new[] { accept, reject, get, list, watch, audit }, error => Assert.Equal(StatusCode.PermissionDenied, error.StatusCode));
        var unchanged = await scenario.Client.GetFilingAsync(new GetFilingRequest { FilingId = filing.FilingId }, scenario.Bureau(Scenario.Beijing), cancellationToken: Ct);
        Assert.Equal(filing.Version, unchanged.Version);

        var trail = await scenario.Client.ListAuditAsync(new ListAuditRequest { PageSize = 200 }, scenario.NationalCentre(), cancellationToken: Ct);
        var attempts = trail.Entries.Where(e => e.Subject == clerk).ToList();
        Assert.Equal(6, attempts.Count);
        Assert.All(attempts, e => Assert.False(e.Succeeded));
        Assert.All(attempts, e => Assert.Equal("FORBIDDEN", e.RefusalKind));
        Assert.All(attempts, e => Assert.Equal($"{Roles.ProvincialHr}-system", e.System));

        // Beijing's bureau sees the attempts on its filings; Shanghai's sees what its own clerk tried.
        var beijingTrail = await scenario.Client.ListAuditAsync(new ListAuditRequest { PageSize = 200 }, scenario.Bureau(Scenario.Beijing), cancellationToken: Ct);
        Assert.Contains(beijingTrail.Entries, e => e.Action == "filing.filing.accept" && e.Target == filing.FilingId && !e.Succeeded);
        var shanghaiTrail = await scenario.Client.ListAuditAsync(new ListAuditRequest(), shanghai, cancellationToken: Ct);
        Assert.Equal(6, shanghaiTrail.Entries.Count(e => e.Subject == clerk));

    }

    [Theory]
    [InlineData(Roles.NationalCentre)]
    [InlineData(Roles.Platform)]
    [InlineData(Roles.Department)]
    [InlineData(Roles.EvaluationOrg)]
    public async Task Only_a_provincial_bureau_decides(string role)
    {
        var branch = scenario.Branch();
        var filing = await scenario.FileAsync(branch);
        var caller = role == Roles.EvaluationOrg ? branch.Caller : scenario.As(role, org: role == Roles.Department ? "dept-x" : null);

        var accept = await Scenario.RefusedAsync(() => scenario.Client.AcceptFilingAsync(Scenario.Accept(filing), caller, cancellationToken: Ct).ResponseAsync);
        var reject = await Scenario.RefusedAsync(() => scenario.Client.RejectFilingAsync(new RejectFilingRequest
        {
            RequestId = Scenario.Unique("req"), FilingId = filing.FilingId, ExpectedVersion = filing.Version, Reason = "no",
        }, caller, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, accept.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, reject.StatusCode);
        if (role is Roles.Platform or Roles.Department)
        {
            var list = await Scenario.RefusedAsync(() => scenario.Client.ListFilingsAsync(new ListFilingsRequest(), caller, cancellationToken: Ct).ResponseAsync);
            Assert.Equal(StatusCode.PermissionDenied, list.StatusCode);
        }
    }

    [Fact]
    public async Task A_filing_number_is_unique_within_a_region_but_may_repeat_in_another()
    {
        var bureau = scenario.Bureau(Scenario.Beijing);
        var first = await scenario.FileAsync(scenario.Branch(Scenario.Beijing));
        var second = await scenario.FileAsync(scenario.Branch(Scenario.Beijing));
        var elsewhere = await scenario.FileAsync(scenario.Branch(Scenario.Shanghai));
        var number = Scenario.Unique("BJ");

        await scenario.Client.AcceptFilingAsync(Scenario.Accept(first, number), bureau, cancellationToken: Ct);
        var duplicate = await Scenario.RefusedAsync(() => scenario.Client.AcceptFilingAsync(Scenario.Accept(second, number), bureau, cancellationToken: Ct).ResponseAsync);
        var inShanghai = await scenario.Client.AcceptFilingAsync(Scenario.Accept(elsewhere, number), scenario.Bureau(Scenario.Shanghai), cancellationToken: Ct);

        Assert.Equal(StatusCode.AlreadyExists, duplicate.StatusCode);
        Assert.Contains("filing_number", Scenario.Fields(duplicate));
        Assert.Equal(number, inShanghai.Decision.FilingNumber);
    }

    [Theory]
    [InlineData("2200-01-01")]
    [InlineData("1999-12-31")]
    [InlineData("01/10/2020")]
    public async Task An_impossible_filing_date_is_refused(string filedOn)
    {
        var filing = await scenario.FileAsync(scenario.Branch());
        var accept = Scenario.Accept(filing);
        accept.FiledOn = filedOn;
        var error = await Scenario.RefusedAsync(() => scenario.Client.AcceptFilingAsync(accept, scenario.Bureau(Scenario.Beijing), cancellationToken: Ct).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("filed_on", Scenario.Fields(error));
    }

    [Fact]
    public async Task An_accepted_filing_cannot_be_decided_again()
    {
        var filing = await scenario.FileAsync(scenario.Branch());
        var bureau = scenario.Bureau(Scenario.Beijing);
        var accepted = await scenario.Client.AcceptFilingAsync(Scenario.Accept(filing), bureau, cancellationToken: Ct);
        var error = await Scenario.RefusedAsync(() => scenario.Client.RejectFilingAsync(new RejectFilingRequest
        {
            RequestId = Scenario.Unique("req"), FilingId = filing.FilingId, ExpectedVersion = accepted.Version, Reason = "changed my mind",
        }, bureau, cancellationToken: Ct).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
    }

    [Fact]
    public async Task The_bureau_lists_its_regions_filings_by_status_page_by_page()
    {
        var region = "440000";
        var bureau = scenario.Bureau(region);
        var filings = new List<FilingRecord>();
        for (var i = 0; i < 5; i++)
        {
            filings.Add(await scenario.FileAsync(scenario.Branch(region)));
        }

        await scenario.Client.AcceptFilingAsync(Scenario.Accept(filings[1]), bureau, cancellationToken: Ct);
        await scenario.FileAsync(scenario.Branch(Scenario.Beijing));

        var seen = new List<string>();
        var token = "";
        do
        {
            var page = await scenario.Client.ListFilingsAsync(
                new ListFilingsRequest { Status = FilingStatus.Submitted, PageSize = 2, PageToken = token }, bureau, cancellationToken: Ct);
            Assert.True(page.Filings.Count <= 2);
            seen.AddRange(page.Filings.Select(f => f.FilingId));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal(filings.Where((_, i) => i != 1).Select(f => f.FilingId), seen);
        var all = await scenario.Client.ListFilingsAsync(new ListFilingsRequest { RegionCode = region }, scenario.NationalCentre(), cancellationToken: Ct);
        Assert.Equal(5, all.Filings.Count);
        var badToken = await Scenario.RefusedAsync(() => scenario.Client.ListFilingsAsync(new ListFilingsRequest { PageToken = "x" }, bureau, cancellationToken: Ct).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, badToken.StatusCode);
    }

    [Fact]
    public async Task The_national_centre_pages_through_a_regions_filings_with_the_tokens_it_is_given()
    {
        var region = "630000";
        var filings = new List<FilingRecord>();
        for (var i = 0; i < 5; i++)
        {
            filings.Add(await scenario.FileAsync(scenario.Branch(region)));
        }

        var seen = new List<string>();
        var token = "";
        do
        {
            var page = await scenario.Client.ListFilingsAsync(
                new ListFilingsRequest { RegionCode = region, PageSize = 2, PageToken = token }, scenario.NationalCentre(), cancellationToken: Ct);
            Assert.True(page.Filings.Count <= 2);
            seen.AddRange(page.Filings.Select(f => f.FilingId));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        // Tokens used to be offsets into the list; an offset is no token any more.
        var offset = await Scenario.RefusedAsync(() => scenario.Client.ListFilingsAsync(
            new ListFilingsRequest { RegionCode = region, PageSize = 2, PageToken = "2" }, scenario.NationalCentre(), cancellationToken: Ct).ResponseAsync);

        Assert.Equal(filings.Select(f => f.FilingId), seen);
        Assert.Equal((StatusCode.InvalidArgument, "page_token"), (offset.StatusCode, Scenario.Fields(offset).Single()));
    }

    [Fact]
    public async Task Deciding_the_filings_of_one_page_does_not_make_the_next_page_skip_any()
    {
        var region = "650000";
        var bureau = scenario.Bureau(region);
        var filings = new List<FilingRecord>();
        for (var i = 0; i < 4; i++)
        {
            filings.Add(await scenario.FileAsync(scenario.Branch(region)));
        }

        var first = await scenario.Client.ListFilingsAsync(new ListFilingsRequest { Status = FilingStatus.Submitted, PageSize = 2 }, bureau, cancellationToken: Ct);
        foreach (var filing in first.Filings)
        {
            await scenario.Client.AcceptFilingAsync(Scenario.Accept(filing), bureau, cancellationToken: Ct);
        }

        // The clerk's work list shrank by two meanwhile; the token names the last filing seen, not a position.
        var second = await scenario.Client.ListFilingsAsync(
            new ListFilingsRequest { Status = FilingStatus.Submitted, PageSize = 2, PageToken = first.NextPageToken }, bureau, cancellationToken: Ct);
        Assert.Equal(filings.Select(f => f.FilingId), first.Filings.Concat(second.Filings).Select(f => f.FilingId));
        Assert.Equal(string.Empty, second.NextPageToken);
    }

    [Fact]
    public async Task A_page_read_just_before_a_decision_shows_the_decision_at_once()
    {
        var region = "360000";
        var bureau = scenario.Bureau(region);
        var filings = new List<FilingRecord>();
        for (var i = 0; i < 3; i++)
        {
            filings.Add(await scenario.FileAsync(scenario.Branch(region)));
        }

        var submitted = new ListFilingsRequest { Status = FilingStatus.Submitted, PageSize = 10 };
        var before = await scenario.Client.ListFilingsAsync(submitted, bureau, cancellationToken: Ct);
        var again = await scenario.Client.ListFilingsAsync(submitted, bureau, cancellationToken: Ct);
        var accepted = await scenario.Client.AcceptFilingAsync(Scenario.Accept(filings[1]), bureau, cancellationToken: Ct);
        var after = await scenario.Client.ListFilingsAsync(submitted, bureau, cancellationToken: Ct);
        var acceptedList = await scenario.Client.ListFilingsAsync(new ListFilingsRequest { Status = FilingStatus.Accepted, PageSize = 10 }, bureau, cancellationToken: Ct);

        Assert.Equal(filings, before.Filings);
        Assert.Equal(before, again);
        Assert.Equal([filings[0], filings[2]], after.Filings);
        Assert.Equal([accepted], acceptedList.Filings);
    }

    [Fact]
    public async Task Filings_submitted_in_the_same_millisecond_are_paged_by_id_without_loss_or_repeat()
    {
        var region = "540000";
        var bureau = scenario.Bureau(region);
        var ids = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            ids.Add((await scenario.FileAsync(scenario.Branch(region))).FilingId);
        }

        // The index orders by first submission; give them all one score, as a burst within a millisecond would.
        var index = Pilot.Filing.Storage.FilingKeys.RegionStatusFilings(region, Pilot.Filing.Domain.Filings.FilingStatus.Submitted);
        foreach (var id in ids)
        {
            await factory.Redis.SortedSetAddAsync(index, id, 1_764_000_000_000);
        }

        var seen = new List<string>();
        var token = "";
        do
        {
            var page = await scenario.Client.ListFilingsAsync(
                new ListFilingsRequest { Status = FilingStatus.Submitted, PageSize = 3, PageToken = token }, bureau, cancellationToken: Ct);
            seen.AddRange(page.Filings.Select(f => f.FilingId));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal(ids.Order(StringComparer.Ordinal), seen);
    }

    [Fact]
    public async Task An_organisation_sees_only_its_own_filings()
    {
        var branch = scenario.Branch();
        var own = await scenario.FileAsync(branch);
        var other = await scenario.FileAsync(scenario.Branch());

        var listed = await scenario.Client.ListFilingsAsync(new ListFilingsRequest(), branch.Caller, cancellationToken: Ct);
        var foreign = await Scenario.RefusedAsync(() => scenario.Client.GetFilingAsync(new GetFilingRequest { FilingId = other.FilingId }, branch.Caller, cancellationToken: Ct).ResponseAsync);

        Assert.Equal([own.FilingId], listed.Filings.Select(f => f.FilingId));
        Assert.Equal(StatusCode.PermissionDenied, foreign.StatusCode);
    }
}
