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

        var envelope = new EnvelopeFactory("filing", "pubsub", clock).Write(new ParcelShipped("p-1", 1200));
        using var json = JsonDocument.Parse(envelope.Json);
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

    [Theory]
    [InlineData(890_0000, "2025-03-03T21:06:07.89Z")]
    [InlineData(0, "2025-03-03T21:06:07Z")]
    [InlineData(1, "2025-03-03T21:06:07.0000001Z")]
    public void Envelope_time_is_RFC_3339_in_UTC_without_trailing_zeros(long ticks, string expected)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.FromHours(8)).AddTicks(ticks));
        var factory = new EnvelopeFactory("filing", "pubsub", clock);

        // Twice: the second envelope is written by the same thread's reused writer.
        for (var i = 0; i < 2; i++)
        {
            using var json = JsonDocument.Parse(factory.Write(new ParcelShipped($"p-{i}", 1)).Json);
            Assert.Equal(expected, json.RootElement.GetProperty("time").GetString());
            Assert.Equal($"p-{i}", json.RootElement.GetProperty("data").GetProperty("key").GetString());
        }
    }

    [Fact]
    public void Envelope_gets_a_valid_traceparent_even_without_a_current_activity()
    {
        Activity.Current = null;

        var first = EnvelopeJson.Deserialize(new EnvelopeFactory("registry", "pubsub", TimeProvider.System).Write(new ParcelShipped("p-2", 1)).Json);
        var second = EnvelopeJson.Deserialize(new EnvelopeFactory("registry", "pubsub", TimeProvider.System).Write(new ParcelShipped("p-2", 1)).Json);

        Assert.True(ActivityContext.TryParse(first.TraceParent, null, out var context));
        Assert.NotEqual(default, context.TraceId);
        Assert.NotEqual(first.TraceParent, second.TraceParent);
        Assert.NotEqual(first.Id, second.Id);
    }

    [Fact]
    public void The_written_envelope_is_byte_for_byte_the_serialized_record()
    {
        var written = new EnvelopeFactory("filing", "pubsub", TimeProvider.System).Write(ParcelShipped.Topic, ParcelShipped.EventType, new ParcelShipped("包裹-1 \"北京\"", 3), "fixed-id");

        var read = EnvelopeJson.Deserialize(written.Json);

        Assert.Equal(("fixed-id", ParcelShipped.Topic, ParcelShipped.EventType), (written.Id, written.Topic, written.Type));
        Assert.Equal("包裹-1 \"北京\"", read.Data.GetProperty("key").GetString());
        Assert.Equal(EnvelopeJson.Serialize(read), written.Json);
    }

    [Fact]
    public void An_event_about_one_record_names_it_as_the_envelopes_subject_and_one_about_none_has_no_subject()
    {
        var factory = new EnvelopeFactory("filing", "pubsub", TimeProvider.System);

        var about = factory.Write(new FilingNoted("2020/br-1"));
        var read = EnvelopeJson.Deserialize(about.Json);
        using var plain = JsonDocument.Parse(factory.Write(new ParcelShipped("p-3", 1)).Json);

        Assert.Equal("2020/br-1", read.Subject);
        Assert.Equal(EnvelopeJson.Serialize(read), about.Json);
        Assert.False(plain.RootElement.TryGetProperty("subject", out _));
    }

    private sealed record FilingNoted(string FilingId) : IIntegrationEvent, IEventSubject
    {
        public static string EventType => "pilot.test.filing-noted.v1";

        public static string Topic => "test-events";

        public string Subject => FilingId;
    }

    [Fact]
    public void Chinese_text_travels_as_UTF_8_and_only_HTML_sensitive_characters_are_escaped()
    {
        var written = new EnvelopeFactory("filing", "pubsub", TimeProvider.System).Write(new ParcelShipped("京人社备〔2026〕12号 <b>&'", 1));

        var text = System.Text.Encoding.UTF8.GetString(written.Json);

        Assert.Contains("\"key\":\"京人社备〔2026〕12号 \\u003Cb\\u003E\\u0026\\u0027\"", text, StringComparison.Ordinal);
        Assert.Equal("京人社备〔2026〕12号 <b>&'", EnvelopeJson.Deserialize(written.Json).Data.GetProperty("key").GetString());
    }

    [Fact]
    public void Text_that_is_not_an_envelope_is_poison()
    {
        Assert.Throws<PoisonEventException>(() => EnvelopeJson.Deserialize("not json"u8));
        Assert.Throws<PoisonEventException>(() => EnvelopeJson.Deserialize("""{"specversion":"1.0","data":{}}"""u8));
    }
}
