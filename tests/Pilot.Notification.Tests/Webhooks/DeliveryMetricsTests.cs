using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Pilot.Notification.Tests.Support;
using Pilot.Testing;
using Proto = Pilot.Protos.Notification;

namespace Pilot.Notification.Tests.Webhooks;

/// <summary>Deliveries, failures, dead letters and latency are counted on the service's own meter.</summary>
public sealed class DeliveryMetricsTests(NotificationFixture fixture) : IClassFixture<NotificationFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_dead_lettered_webhook_shows_as_failed_attempts_and_a_dead_letter_and_the_inbox_as_delivered()
    {
        var service = fixture.Service;
        var factory = service.Services.GetRequiredService<IMeterFactory>();
        var seen = new ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Only this instance's meter: other test classes run services of their own beside this one.
            if (instrument.Meter.Name == "Pilot.Notification" && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => seen.Enqueue((instrument.Name, value, Tags(tags))));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => seen.Enqueue((instrument.Name, value, Tags(tags))));
        listener.Start();

        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer(500, 500, 500);
        var org = $"org-{Guid.NewGuid():N}"[..14];
        receiver.Secret = (await service.Client().RegisterWebhookAsync(new Proto.RegisterWebhookRequest { RequestId = "m", Url = receiver.Url(org) }, service.AsOrganisation(org), cancellationToken: Ct)).Secret;
        await Envelopes.PublishAsync(fixture.Redis, "filing-events", "pilot.filing.filing-accepted.v1", $"acc-{org}", Envelopes.FilingAccepted($"f-{org}", org));
        await Eventually.HoldsAsync(
            async () => (await service.Client().ListInboxAsync(new Proto.ListInboxRequest(), service.AsOrganisation(org), cancellationToken: Ct)).Messages.Count == 1, "the message arrived");
        for (var attempt = 0; attempt < 4; attempt++)
        {
            await service.RunAllDueAsync();
            service.Clock.Advance(TimeSpan.FromSeconds(31));
        }

        listener.RecordObservableInstruments();
        Assert.Contains(seen, m => m.Instrument == "pilot.notification.messages" && (string?)m.Tags["pilot.notification.event_type"] == "pilot.filing.filing-accepted.v1");
        Assert.Contains(seen, m => m.Instrument == "pilot.notification.deliveries" && Is(m.Tags, "Inbox", "Delivered"));
        Assert.Equal(2, seen.Count(m => m.Instrument == "pilot.notification.deliveries" && Is(m.Tags, "Webhook", "TemporaryFailure")));
        Assert.Single(seen, m => m.Instrument == "pilot.notification.deliveries" && Is(m.Tags, "Webhook", "PermanentFailure"));
        Assert.Single(seen, m => m.Instrument == "pilot.notification.dead_letters" && (string?)m.Tags["pilot.notification.channel"] == "Webhook");
        Assert.Contains(seen, m => m.Instrument == "pilot.notification.event_to_delivery" && (string?)m.Tags["pilot.notification.channel"] == "Inbox");
    }

    private static bool Is(Dictionary<string, object?> tags, string channel, string outcome) =>
        (string?)tags.GetValueOrDefault("pilot.notification.channel") == channel && (string?)tags.GetValueOrDefault("pilot.notification.outcome") == outcome;

    private static Dictionary<string, object?> Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        return copy;
    }
}
