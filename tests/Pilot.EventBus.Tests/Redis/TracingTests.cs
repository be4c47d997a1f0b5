using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Pilot.EventBus.Tests.Support;
using Pilot.Testing;
using StackExchange.Redis;

namespace Pilot.EventBus.Tests.Redis;

public sealed class TracingTests(RedisServerFixture redis)
{
    private readonly IDatabase _db = redis.Database;

    [Fact]
    public async Task Consumer_activity_continues_the_publishers_trace()
    {
        await _db.KeyDeleteAsync(SignalRaised.Topic);
        var appId = TestBus.NewAppId("signals");
        var stopped = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == EventBusDiagnostics.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Add,
        };
        ActivitySource.AddActivityListener(listener);

        using var host = TestBus.Build(redis, appId, s => s.AddCountingHandler<SignalRaised>(appId));
        await host.StartAsync(TestContext.Current.CancellationToken);

        string eventId;
        using (var publisher = new Activity("filing request").SetIdFormat(ActivityIdFormat.W3C).Start())
        {
            publisher.TraceStateString = "pilot=test";
            eventId = await host.Services.GetRequiredService<IEventOutbox>().PublishAsync(new SignalRaised("S-1"), TestContext.Current.CancellationToken);
            var publisherContext = publisher.Context;

            await Eventually.HoldsAsync(
                () => stopped.Any(a => Equals(a.GetTagItem("messaging.message.id"), eventId)),
                "the consumer activity stopped");

            var consumer = stopped.Single(a => Equals(a.GetTagItem("messaging.message.id"), eventId));
            Assert.Equal(ActivityKind.Consumer, consumer.Kind);
            Assert.Equal(publisherContext.TraceId, consumer.TraceId);
            Assert.Equal(publisherContext.SpanId, consumer.ParentSpanId);
            Assert.Equal("pilot=test", consumer.TraceStateString);
            Assert.Equal(SignalRaised.Topic, consumer.GetTagItem("messaging.destination.name"));
        }

        await host.StopAsync(TestContext.Current.CancellationToken);
    }
}
