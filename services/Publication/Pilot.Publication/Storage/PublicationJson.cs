using System.Text.Json;
using Pilot.SharedKernel;

namespace Pilot.Publication.Storage;

/// <summary>How Publication's records are kept in Redis: web defaults, Chinese as readable UTF-8.</summary>
internal static class PublicationJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = ReadableJson.Encoder,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException($"stored {typeof(T).Name} is null");
}
