using Google.Protobuf.Reflection;

namespace Pilot.Testing.Services.Hostile;

/// <summary>Bodies that are not a request's protobuf, each of which must be refused with INVALID_ARGUMENT.</summary>
public static class MalformedBodies
{
    /// <summary>Bodies no message parses: wire type 7 does not exist; a length that runs past the end.</summary>
    public static IEnumerable<(string Case, byte[] Body)> ForAnyMessage()
    {
        yield return ("garbage (wire type 7)", [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]);
        yield return ("truncated (length past the end)", [0x0A, 0x10, 0x41]);
        yield return ("truncated varint", [0x08, 0xFF, 0xFF]);
        yield return ("field number zero", [0x00, 0x01]);
    }

    /// <summary>Text fields whose bytes are not UTF-8: a bare continuation byte, a lone surrogate (ED A0 80), an overlong NUL.</summary>
    public static IEnumerable<(string Case, byte[] Body)> ForTextOf(MessageDescriptor request)
    {
        var text = request.Fields.InFieldNumberOrder().FirstOrDefault(f => f.FieldType == FieldType.String && !f.IsRepeated);
        if (text is null)
        {
            yield break;
        }

        var tag = checked((byte)((text.FieldNumber << 3) | 2));
        if (text.FieldNumber > 15)
        {
            yield break;
        }

        yield return ($"invalid UTF-8 in {text.Name}", [tag, 0x03, 0x61, 0x80, 0x62]);
        yield return ($"a lone surrogate in {text.Name}", [tag, 0x03, 0xED, 0xA0, 0x80]);
        yield return ($"an overlong NUL in {text.Name}", [tag, 0x02, 0xC0, 0x80]);
    }
}
