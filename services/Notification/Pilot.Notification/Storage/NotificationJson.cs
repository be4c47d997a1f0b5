using System.Text.Json;
using System.Text.Json.Serialization;
using Pilot.SharedKernel;

namespace Pilot.Notification.Storage;

/// <summary>How Notification's records are kept in Redis: web defaults, Chinese as readable UTF-8, enums by name.</summary>
public static class NotificationJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = ReadableJson.Encoder,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException($"stored {typeof(T).Name} is null");
}
