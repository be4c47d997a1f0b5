using System.Text;

namespace Pilot.Filing.Storage;

/// <summary>
/// A stored answer as one string value, so the commit claims the request id and stores its answer in a single
/// <c>SET … NX EX</c>: a tag (<c>R</c> reply, <c>X</c> refusal), the request's fingerprint, a line feed, then the
/// reply's bytes or the refusal as JSON.
/// </summary>
internal static class StoredReplyFormat
{
    private const byte ReplyTag = (byte)'R';
    private const byte RefusalTag = (byte)'X';
    private const byte Separator = (byte)'\n';

    public static byte[] Write(ReplyToStore answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var payload = answer.Refusal is { } refusal ? Encoding.UTF8.GetBytes(StorageJson.Write(refusal)) : answer.Reply ?? [];
        var fingerprintLength = Encoding.UTF8.GetByteCount(answer.Fingerprint);
        var value = new byte[2 + fingerprintLength + payload.Length];
        value[0] = answer.Refusal is null ? ReplyTag : RefusalTag;
        Encoding.UTF8.GetBytes(answer.Fingerprint, value.AsSpan(1));
        value[1 + fingerprintLength] = Separator;
        payload.CopyTo(value.AsSpan(2 + fingerprintLength));
        return value;
    }

    public static StoredReply Read(ReadOnlySpan<byte> value)
    {
        var end = value.IndexOf(Separator);
        if (value.Length < 2 || end < 1 || (value[0] != ReplyTag && value[0] != RefusalTag))
        {
            throw new InvalidDataException("a stored answer is not in the form tag, fingerprint, line feed, payload");
        }

        var fingerprint = Encoding.UTF8.GetString(value[1..end]);
        var payload = value[(end + 1)..];
        return value[0] == ReplyTag
            ? new StoredReply(fingerprint, payload.ToArray(), null)
            : new StoredReply(fingerprint, null, StorageJson.Read<StoredRefusal>(Encoding.UTF8.GetString(payload)));
    }
}
