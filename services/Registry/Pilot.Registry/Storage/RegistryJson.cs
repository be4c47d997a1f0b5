using System.Text.Json;
using System.Text.Json.Serialization;
using Pilot.SharedKernel;

namespace Pilot.Registry.Storage;

/// <summary>How records are kept in Redis: compact JSON, value types stored by their code.</summary>
internal static class RegistryJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = ReadableJson.Encoder,
        Converters = { new CreditCodeConverter(), new RegionConverter(), new JsonStringEnumConverter() },
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidOperationException($"stored {typeof(T).Name} is null");

    private sealed class CreditCodeConverter : JsonConverter<UnifiedSocialCreditCode>
    {
        public override UnifiedSocialCreditCode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            UnifiedSocialCreditCode.Parse(reader.GetString(), "stored credit code");

        public override void Write(Utf8JsonWriter writer, UnifiedSocialCreditCode value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Value);
    }

    private sealed class RegionConverter : JsonConverter<ProvinceRegion>
    {
        public override ProvinceRegion Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            ProvinceRegion.Parse(reader.GetString(), "stored region");

        public override void Write(Utf8JsonWriter writer, ProvinceRegion value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Code);
    }
}
