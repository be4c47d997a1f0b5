namespace Pilot.Cli;

/// <summary>Every command takes <c>--name value</c> pairs after its name.</summary>
internal static class CliOptions
{
    public static Dictionary<string, string>? Parse(ReadOnlySpan<string> args, string usage, TextWriter error)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                error.WriteLine($"unexpected '{args[i]}'\n{usage}");
                return null;
            }

            options[args[i][2..]] = args[i + 1];
        }

        return options;
    }
}
