namespace Pilot.Filing.Tests.Grpc.Support;

/// <summary>Makes distinct, valid unified social credit codes (GB 32100-2015) for test branches.</summary>
internal static class CreditCodes
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    private static int counter;

    public static string Next()
    {
        var serial = Interlocked.Increment(ref counter).ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
        var body = "91110000" + serial;
        var sum = body.Select((c, i) => Alphabet.IndexOf(c, StringComparison.Ordinal) * Weights[i]).Sum();
        return body + Alphabet[(31 - (sum % 31)) % 31];
    }

    /// <summary>A valid code with its check character changed.</summary>
    public static string WithWrongCheck()
    {
        var code = Next();
        var wrong = Alphabet[(Alphabet.IndexOf(code[^1], StringComparison.Ordinal) + 1) % Alphabet.Length];
        return code[..^1] + wrong;
    }
}
