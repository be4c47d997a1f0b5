using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pilot.Filing.Storage;

/// <summary>How domain records are written into Redis: web defaults, enums by name so stored data reads well.</summary>
internal static class StorageJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = Pilot.SharedKernel.ReadableJson.Encoder,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException($"stored {typeof(T).Name} is null");
}
