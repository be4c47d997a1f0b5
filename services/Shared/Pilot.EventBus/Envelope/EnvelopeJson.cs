using System.Text.Json;

namespace Pilot.EventBus.Envelope;

/// <summary>One place for the JSON rules: event data is camelCase, as daprd's .NET SDK writes it.</summary>
internal static class EnvelopeJson
{
    /// <summary>Enums travel by name (camelCase), so a consumer in another language reads "branch", not 1.</summary>
    public static JsonSerializerOptions DataOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = Pilot.SharedKernel.ReadableJson.Encoder,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static byte[] Serialize(CloudEventEnvelope envelope) =>
        JsonSerializer.SerializeToUtf8Bytes(envelope, DataOptions);

    /// <summary>Reads an envelope; throws <see cref="PoisonEventException"/> when it is not one.</summary>
    public static CloudEventEnvelope Deserialize(ReadOnlySpan<byte> json)
    {
        CloudEventEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<CloudEventEnvelope>(json, DataOptions);
        }
        catch (JsonException ex)
        {
            throw new PoisonEventException("The message is not a CloudEvents JSON envelope.", ex);
        }

        if (envelope is null || string.IsNullOrEmpty(envelope.Id) || string.IsNullOrEmpty(envelope.Type))
        {
            throw new PoisonEventException("The CloudEvents envelope lacks an id or a type.");
        }

        return envelope;
    }
}
