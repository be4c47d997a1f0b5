namespace Pilot.Filing.Domain.Files;

/// <summary>The shape of a content address: 64 lower-case hex digits.</summary>
public static class Sha256Hex
{
    public static bool IsValid(string? text) =>
        text is { Length: 64 } && text.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
