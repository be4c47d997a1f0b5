using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Pilot.EventBus.Envelope;
using Pilot.EventBus.Tests.Support;

namespace Pilot.EventBus.Tests;

public sealed class EnvelopeTests
{
    [Fact]
    public void Envelope_carries_every_attribute_daprd_writes_with_camelCase_data()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 4, 5, 6, 7, 890, TimeSpan.FromHours(8)));
        using var activity = new Activity("publish").SetIdFormat(ActivityIdFormat.W3C).Start();
        activity.TraceStateString = "pilot=1";

        var envelope = new EnvelopeFactory("filing", "pubsub", clock).Create(new ParcelShipped("p-1", 1200));
        using var json = JsonDocument.Parse(EnvelopeJson.Serialize(envelope));
        var root = json.RootElement;

        Assert.Equal("1.0", root.GetProperty("specversion").GetString());
        Assert.True(Guid.TryParse(root.GetProperty("id").GetString(), out _));
        Assert.Equal("filing", root.GetProperty("source").GetString());
        Assert.Equal(ParcelShipped.EventType, root.GetProperty("type").GetString());
        Assert.Equal("application/json", root.GetProperty("datacontenttype").GetString());
        Assert.Equal("p-1", root.GetProperty("data").GetProperty("key").GetString());
        Assert.Equal(1200, root.GetProperty("data").GetProperty("weightGrams").GetInt32());
        Assert.Equal(ParcelShipped.Topic, root.GetProperty("topic").GetString());
        Assert.Equal("pubsub", root.GetProperty("pubsubname").GetString());
        var time = root.GetProperty("time").GetString()!;
        Assert.EndsWith("Z", time, StringComparison.Ordinal);
        Assert.Equal(clock.GetUtcNow(), DateTimeOffset.Parse(time, CultureInfo.InvariantCulture));
        Assert.Equal(activity.Id, root.GetProperty("traceparent").GetString());
        Assert.Equal(activity.Id, root.GetProperty("traceid").GetString());
        Assert.Equal("pilot=1", root.GetProperty("tracestate").GetString());
    }

    [Fact]
    public void Envelope_gets_a_valid_traceparent_even_without_a_current_activity()
    {
        Activity.Current = null;

        var first = new EnvelopeFactory("registry", "pubsub", TimeProvider.System).Create(new ParcelShipped("p-2", 1));
        var second = new EnvelopeFactory("registry", "pubsub", TimeProvider.System).Create(new ParcelShipped("p-2", 1));

        Assert.True(ActivityContext.TryParse(first.TraceParent, null, out var context));
        Assert.NotEqual(default, context.TraceId);
        Assert.NotEqual(first.TraceParent, second.TraceParent);
        Assert.NotEqual(first.Id, second.Id);
    }

    [Fact]
    public void Text_that_is_not_an_envelope_is_poison()
    {
        Assert.Throws<PoisonEventException>(() => EnvelopeJson.Deserialize("not json"u8));
        Assert.Throws<PoisonEventException>(() => EnvelopeJson.Deserialize("""{"specversion":"1.0","data":{}}"""u8));
    }
}
