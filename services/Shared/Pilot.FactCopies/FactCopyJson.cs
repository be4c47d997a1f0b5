using System.Text.Json;
using System.Text.Json.Serialization;
using Pilot.SharedKernel;

namespace Pilot.FactCopies;

/// <summary>How copies are stored: camelCase, readable Chinese text, enums by name so reordering an enum cannot change a stored copy's meaning.</summary>
internal static class FactCopyJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = ReadableJson.Encoder,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Serialize<TFact>(TFact fact) => JsonSerializer.Serialize(fact, Options);

    public static TFact Deserialize<TFact>(string json) =>
        JsonSerializer.Deserialize<TFact>(json, Options) ?? throw new JsonException($"A stored {typeof(TFact).Name} copy is JSON null.");
}
