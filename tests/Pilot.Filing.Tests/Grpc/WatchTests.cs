using Grpc.Core;
using Pilot.Filing.Application;
using Pilot.Filing.Storage;
using Pilot.Filing.Tests.Grpc.Support;
using Pilot.Protos.Filing;
using Pilot.SharedKernel;
using BranchFiling = Pilot.Filing.Domain.Filings.BranchFiling;
using DomainFilingStatus = Pilot.Filing.Domain.Filings.FilingStatus;
using Lateness = Pilot.Filing.Domain.Deadlines.Lateness;
using Occupation = Pilot.Filing.Domain.Filings.Occupation;

namespace Pilot.Filing.Tests.Grpc;

public sealed class WatchTests(FilingFactory factory) : IClassFixture<FilingFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly Scenario scenario = new(factory);

    [Fact]
    public async Task A_bureau_follows_live_changes_and_resumes_from_its_cursor_without_missing_or_repeating_any()
    {
        const string region = "320000";
        var bureau = scenario.Bureau(region);
        var first = await scenario.FileAsync(scenario.Branch(region));

        string cursor;
        using (var watch = new CancellationTokenSource(TimeSpan.FromSeconds(20)))
        using (var call = scenario.Client.WatchFilings(new WatchFilingsRequest(), bureau, cancellationToken: watch.Token))
        {
            var replayed = await Scenario.NextChangeAsync(call, watch.Token);
            Assert.Equal(first.FilingId, replayed.Filing.FilingId);
            Assert.Equal(ChangeKind.Submitted, replayed.Kind);

            // Live: committed after the watch caught up.
            var second = await scenario.FileAsync(scenario.Branch(region));
            var live = await Scenario.NextChangeAsync(call, watch.Token);
            Assert.Equal(second.FilingId, live.Filing.FilingId);
            cursor = live.Cursor;
            await watch.CancelAsync();
        }

        // While disconnected: an acceptance and a new filing, and one in another region that must not show.
        var accepted = await scenario.Client.AcceptFilingAsync(Scenario.Accept(first), bureau, cancellationToken: Ct);
        var third = await scenario.FileAsync(scenario.Branch(region));
        await scenario.FileAsync(scenario.Branch(Scenario.Beijing));

        using var resumedWatch = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var resumed = scenario.Client.WatchFilings(new WatchFilingsRequest { Cursor = cursor }, bureau, cancellationToken: resumedWatch.Token);
        var missed1 = await Scenario.NextChangeAsync(resumed, resumedWatch.Token);
        var missed2 = await Scenario.NextChangeAsync(resumed, resumedWatch.Token);

        Assert.Equal((first.FilingId, ChangeKind.Accepted), (missed1.Filing.FilingId, missed1.Kind));
        Assert.Equal(accepted.Decision.FilingNumber, missed1.Filing.Decision.FilingNumber);
        Assert.Equal((third.FilingId, ChangeKind.Submitted), (missed2.Filing.FilingId, missed2.Kind));
        Assert.True(string.CompareOrdinal(cursor, missed1.Cursor) < 0 || cursor.Length < missed1.Cursor.Length);

        // Nothing else is pending: the next change to arrive is a new one.
        var fourth = await scenario.FileAsync(scenario.Branch(region));
        var next = await Scenario.NextChangeAsync(resumed, resumedWatch.Token);
        Assert.Equal(fourth.FilingId, next.Filing.FilingId);
        await resumedWatch.CancelAsync();
    }

    [Fact]
    public async Task A_change_another_instance_committed_is_found_by_the_periodic_look()
    {
        const string region = "350000";
        var first = await scenario.FileAsync(scenario.Branch(region));
        using var watch = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var call = scenario.Client.WatchFilings(new WatchFilingsRequest(), scenario.Bureau(region), cancellationToken: watch.Token);
        Assert.Equal(first.FilingId, (await Scenario.NextChangeAsync(call, watch.Token)).Filing.FilingId);

        // Appended to the change stream as another instance's commit would, so no signal of this instance wakes the watch.
        ProvinceRegion.TryFind(region, out var zhejiang);
        var elsewhere = new BranchFiling(
            "open/committed-elsewhere", FilingFactory.OpenBatch, "committed-elsewhere", "org-elsewhere", zhejiang, [new Occupation("6-18-02-04")],
            DomainFilingStatus.Submitted, 1, 1, DateTimeOffset.UtcNow, "user-elsewhere", new Lateness(FilingFactory.Today, FilingFactory.Today, 0, 0), null, []);
        await factory.Redis.StreamAddAsync(FilingKeys.RegionChanges(region), [new("kind", "Submitted"), new("record", StorageJson.Write(new FilingView(elsewhere, CreditCodes.Next())))]);

        var change = await Scenario.NextChangeAsync(call, watch.Token);
        Assert.Equal((elsewhere.FilingId, ChangeKind.Submitted), (change.Filing.FilingId, change.Kind));
        await watch.CancelAsync();
    }

    [Fact]
    public async Task The_national_centre_watches_a_named_region()
    {
        const string region = "330000";
        var filing = await scenario.FileAsync(scenario.Branch(region));
        using var watch = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var call = scenario.Client.WatchFilings(new WatchFilingsRequest { RegionCode = region }, scenario.NationalCentre(), cancellationToken: watch.Token);
        Assert.Equal(filing.FilingId, (await Scenario.NextChangeAsync(call, watch.Token)).Filing.FilingId);
        await watch.CancelAsync();
    }

    [Theory]
    [InlineData("not-a-cursor", "cursor")]
    [InlineData("12-x", "cursor")]
    public async Task A_malformed_cursor_is_refused(string cursor, string field)
    {
        var error = await Scenario.RefusedAsync(async () =>
        {
            using var call = scenario.Client.WatchFilings(new WatchFilingsRequest { Cursor = cursor }, scenario.Bureau(Scenario.Beijing), cancellationToken: Ct);
            await call.ResponseStream.MoveNext(Ct);
        });
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(field, Scenario.Fields(error));
    }

    [Fact]
    public async Task Organisations_and_a_national_centre_without_a_region_cannot_watch()
    {
        var branch = scenario.Branch();
        var asOrganisation = await Scenario.RefusedAsync(async () =>
        {
            using var call = scenario.Client.WatchFilings(new WatchFilingsRequest(), branch.Caller, cancellationToken: Ct);
            await call.ResponseStream.MoveNext(Ct);
        });
        var asPlatform = await Scenario.RefusedAsync(async () =>
        {
            using var call = scenario.Client.WatchFilings(new WatchFilingsRequest(), scenario.As(Roles.Platform), cancellationToken: Ct);
            await call.ResponseStream.MoveNext(Ct);
        });
        var centreWithoutRegion = await Scenario.RefusedAsync(async () =>
        {
            using var call = scenario.Client.WatchFilings(new WatchFilingsRequest(), scenario.NationalCentre(), cancellationToken: Ct);
            await call.ResponseStream.MoveNext(Ct);
        });

        Assert.Equal(StatusCode.InvalidArgument, asOrganisation.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, asPlatform.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, centreWithoutRegion.StatusCode);
    }
}
