using Pilot.Filing.Tests.Grpc.Support;
using Pilot.Protos.Filing;

namespace Pilot.Filing.Tests.Grpc;

/// <summary>A commit wakes the watches of its region at once; the periodic look is only for other instances' commits.</summary>
public sealed class WatchWakeTests(HourlyPollFilingFactory factory) : IClassFixture<HourlyPollFilingFactory>
{
    private readonly Scenario scenario = new(factory);

    [Fact]
    public async Task A_caught_up_watch_gets_this_instances_commits_at_once_and_a_burst_of_them_complete()
    {
        const string region = "330000";
        var bureau = scenario.Bureau(region);
        var first = await scenario.FileAsync(scenario.Branch(region));

        using var watch = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var call = scenario.Client.WatchFilings(new WatchFilingsRequest(), bureau, cancellationToken: watch.Token);
        Assert.Equal(first.FilingId, (await Scenario.NextChangeAsync(call, watch.Token)).Filing.FilingId);

        // Caught up, and the next look is an hour away: only the commit's signal can bring these in time.
        var accepted = await scenario.Client.AcceptFilingAsync(Scenario.Accept(first), bureau, cancellationToken: watch.Token);
        var change = await Scenario.NextChangeAsync(call, watch.Token);
        Assert.Equal((first.FilingId, ChangeKind.Accepted), (change.Filing.FilingId, change.Kind));
        Assert.Equal(accepted.Decision.FilingNumber, change.Filing.Decision.FilingNumber);

        var burst = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => scenario.FileAsync(scenario.Branch(region))));
        var received = new List<string>();
        while (received.Count < burst.Length)
        {
            received.Add((await Scenario.NextChangeAsync(call, watch.Token)).Filing.FilingId);
        }

        Assert.Equal(burst.Select(f => f.FilingId).Order(StringComparer.Ordinal), received.Order(StringComparer.Ordinal));
        await watch.CancelAsync();
    }
}
