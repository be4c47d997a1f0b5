using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Pilot.EventBus;
using Pilot.SharedKernel;
using StackExchange.Redis;

namespace Pilot.Publication.Publicity;

/// <summary>
/// Starts the online publicity of a branch whose local filing was accepted (三.5, R5) and announces it on
/// <c>publication-events</c> for the information platform. Idempotent through the bus: the record, its index entry and
/// the announcement commit with the event's handled marker, so a redelivered acceptance changes and announces nothing.
/// </summary>
internal sealed class OpenPublicityOnFilingAccepted(IOptions<PublicationOptions> options, WorkingDayCalendar calendar) : IEventHandler<FilingAccepted>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = ReadableJson.Encoder };

    public Task HandleAsync(EventContext<FilingAccepted> context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var accepted = context.Event;
        if (string.IsNullOrWhiteSpace(accepted.FilingId) || string.IsNullOrWhiteSpace(accepted.BranchId) || string.IsNullOrWhiteSpace(accepted.RegionCode))
        {
            throw new PoisonEventException($"filing-accepted event {context.Envelope.Id} names no filing, branch or region; it cannot be publicised");
        }

        // The acceptance's own time; an event without it is dated by its envelope, which daprd or the outbox always stamps.
        var acceptedAt = accepted.OccurredAt;
        if (acceptedAt == default && !DateTimeOffset.TryParse(context.Envelope.Time, CultureInfo.InvariantCulture, DateTimeStyles.None, out acceptedAt))
        {
            throw new PoisonEventException($"filing-accepted event {context.Envelope.Id} carries no time of acceptance; its publicity period cannot be set");
        }
        var publicity = BranchPublicity.For(accepted with { OccurredAt = acceptedAt }, PublicityPeriod.After(acceptedAt, options.Value.PublicityWorkingDays, calendar));
        var closesOn = publicity.Period.ClosesOn;
        context.Writes.HashSet(
            PublicationKeys.Publicity(publicity.FilingId),
            new HashEntry("record", JsonSerializer.Serialize(publicity, Json)),
            new HashEntry("closesOn", closesOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        context.Writes.SortedSetAdd(PublicationKeys.ByClosingDay, publicity.FilingId, closesOn.DayNumber);
        context.Publish(PublicityScheduled.Of(publicity));
        return Task.CompletedTask;
    }
}
