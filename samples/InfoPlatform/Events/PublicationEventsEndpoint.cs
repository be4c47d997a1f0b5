using System.Text.Json;
using Pilot.Samples.InfoPlatform.Copy;

namespace Pilot.Samples.InfoPlatform.Events;

/// <summary>
/// The subscription route. daprd (or the stand-in) posts each CloudEvent of publication-events here; the answer tells
/// it what to do: <c>{"status":"SUCCESS"}</c> (acknowledge), <c>RETRY</c> (deliver again later) or <c>DROP</c>
/// (acknowledge, never handled).
/// </summary>
public static class PublicationEventsEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, PublicationEventHandler handler, PlatformCopy copy, TimeProvider time, ILogger<PublicationEventHandler> logger)
    {
        var eventId = context.Request.Headers["Cloudevent.id"].ToString();
        var type = context.Request.Headers["Cloudevent.type"].ToString();
        JsonElement data;
        try
        {
            data = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (JsonException e)
        {
            logger.LogError(e, "Event {EventId} ({Type}) has data that is not JSON; dropping it", eventId, type);
            await copy.RecordDroppedAsync(new DroppedEvent(eventId, type, "data is not JSON", time.GetUtcNow()));
            return Answer(DeliveryAnswer.Drop);
        }

        if (string.IsNullOrEmpty(eventId))
        {
            logger.LogError("An event without a CloudEvent id reached {Route}; dropping it", context.Request.Path);
            await copy.RecordDroppedAsync(new DroppedEvent(string.Empty, type, "no CloudEvent id", time.GetUtcNow()));
            return Answer(DeliveryAnswer.Drop);
        }

        return Answer(await handler.HandleAsync(eventId, type, data));
    }

    private static IResult Answer(DeliveryAnswer answer) => Results.Ok(new { status = answer.ToString().ToUpperInvariant() });
}
