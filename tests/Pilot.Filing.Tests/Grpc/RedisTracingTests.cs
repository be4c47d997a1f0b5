using System.Collections.Concurrent;
using System.Diagnostics;
using Pilot.Filing.Tests.Grpc.Support;
using Pilot.Protos.Filing;

namespace Pilot.Filing.Tests.Grpc;

/// <summary>Redis commands show up in the dashboard as spans under the gRPC call that caused them.</summary>
public sealed class RedisTracingTests(FilingFactory factory) : IClassFixture<FilingFactory>
{
    private const string RedisSource = "OpenTelemetry.Instrumentation.StackExchangeRedis";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly Scenario scenario = new(factory);

    [Fact]
    public async Task A_bureaus_list_has_its_Redis_script_as_a_child_span_within_a_second()
    {
        var filing = await scenario.FileAsync(scenario.Branch(Scenario.Beijing));
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == RedisSource,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        using var call = new Activity("bureau system lists its filings").SetIdFormat(ActivityIdFormat.W3C).Start();
        var traceId = call.TraceId;
        var page = await scenario.Client.ListFilingsAsync(
            new ListFilingsRequest { Status = FilingStatus.Submitted, RegionCode = Scenario.Beijing }, scenario.Bureau(Scenario.Beijing), cancellationToken: Ct);
        call.Stop();

        Assert.Contains(page.Filings, f => f.FilingId == filing.FilingId);
        // The call's commands are flushed as spans in batches, so its GET can arrive before its script.
        var deadline = Stopwatch.StartNew();
        while (!spans.Any(span => IsScriptOf(span, traceId)) && deadline.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(50, Ct);
        }

        Assert.Contains(spans, span => IsScriptOf(span, traceId));
        Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(2), $"the spans took {deadline.Elapsed} to appear");
    }

    private static bool IsScriptOf(Activity span, ActivityTraceId traceId) =>
        span.TraceId == traceId && span.DisplayName.StartsWith("EVAL", StringComparison.OrdinalIgnoreCase);
}
