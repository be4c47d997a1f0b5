using System.Text;
using System.Text.Json;
using Pilot.SharedKernel;

namespace Pilot.Commands;

/// <summary>
/// The one format of a request id's stored answer, a single string value so that the commit claims the request id and
/// stores its answer in one <c>SET … NX EX</c>: a tag (<c>A</c> answer, <c>X</c> refusal), the request's fingerprint, a
/// line feed, then the answer or the refusal as JSON.
/// </summary>
internal static class StoredAnswers
{
    private const byte AnswerTag = (byte)'A';
    private const byte RefusalTag = (byte)'X';
    private const byte Separator = (byte)'\n';

    public static byte[] Answer<TAnswer>(string fingerprint, TAnswer answer, JsonSerializerOptions json) =>
        Write(AnswerTag, fingerprint, JsonSerializer.SerializeToUtf8Bytes(answer, json));

    public static byte[] Refusal(string fingerprint, DomainException refusal) =>
        Write(RefusalTag, fingerprint, JsonSerializer.SerializeToUtf8Bytes(StoredRefusal.Of(refusal), StoredRefusal.Json));

    /// <summary>The stored answer; throws the stored refusal, or a refusal when the request id was used for another request.</summary>
    public static TAnswer Read<TAnswer>(ReadOnlySpan<byte> value, string fingerprint, string requestId, JsonSerializerOptions json)
        where TAnswer : class
    {
        var end = value.IndexOf(Separator);
        if (value.Length < 2 || end < 1 || (value[0] != AnswerTag && value[0] != RefusalTag))
        {
            throw new InvalidDataException("a stored answer is not in the form tag, fingerprint, line feed, payload");
        }

        if (!value[1..end].SequenceEqual(Encoding.ASCII.GetBytes(fingerprint)))
        {
            throw new RequestReusedException(requestId);
        }

        var payload = value[(end + 1)..];
        if (value[0] == RefusalTag)
        {
            throw (JsonSerializer.Deserialize<StoredRefusal>(payload, StoredRefusal.Json) ?? throw new InvalidDataException("a stored refusal is empty")).ToException();
        }

        return JsonSerializer.Deserialize<TAnswer>(payload, json) ?? throw new InvalidDataException($"a stored {typeof(TAnswer).Name} is empty");
    }

    private static byte[] Write(byte tag, string fingerprint, byte[] payload)
    {
        var value = new byte[2 + fingerprint.Length + payload.Length];
        value[0] = tag;
        Encoding.ASCII.GetBytes(fingerprint, value.AsSpan(1));
        value[1 + fingerprint.Length] = Separator;
        payload.CopyTo(value.AsSpan(2 + fingerprint.Length));
        return value;
    }

    private sealed record StoredRefusal(ErrorKind Kind, string? Rule, string Message, IReadOnlyList<FieldViolation> Violations)
    {
        public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
        {
            Encoder = ReadableJson.Encoder,
            Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        };

        public static StoredRefusal Of(DomainException refusal) => new(refusal.Kind, refusal.Rule, refusal.Message, refusal.Violations);

        public DomainException ToException() => new(Kind, Rule, Message, Violations);
    }
}
