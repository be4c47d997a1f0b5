using Pilot.ServiceDefaults.Security;
using Pilot.SharedKernel;

namespace Pilot.Cli;

/// <summary>
/// <c>token --role provincial-hr --region 110000</c>: prints a bearer token signed with the local key
/// of a running (or previously run) AppHost, for trying the services with a gRPC client.
/// </summary>
internal static class TokenCommand
{
    private const string Usage =
        "usage: pilot-cli token --role <role> [--region <six-digit code>] [--org <organisation id>] [--subject <id>] [--system <calling system>] [--hours <n>] [--key-file <path>]\n" +
        "roles: national-centre, department, industry-org, evaluation-org, provincial-hr, platform";

    private static readonly string[] OrgRoles = [Roles.Department, Roles.IndustryOrg, Roles.EvaluationOrg];

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0 || args[0] != "token")
        {
            error.WriteLine(Usage);
            return 2;
        }

        var options = CliOptions.Parse(args.AsSpan(1), Usage, error);
        if (options is null)
        {
            return 2;
        }

        if (Validate(options, error) is { } problem)
        {
            error.WriteLine(problem);
            return 2;
        }

        var keyFile = options.GetValueOrDefault("key-file") ?? DefaultKeyFile();
        if (keyFile is null || !File.Exists(keyFile))
        {
            error.WriteLine("no signing key found: start Pilot once ('./pilot up') or pass --key-file <state folder>/signing-key");
            return 1;
        }

        var issuer = new LocalTokenIssuer(Convert.FromBase64String(File.ReadAllText(keyFile).Trim()));
        var hours = options.TryGetValue("hours", out var h) ? double.Parse(h, System.Globalization.CultureInfo.InvariantCulture) : 8;
        output.WriteLine(issuer.Issue(
            options["role"],
            options.GetValueOrDefault("region"),
            options.GetValueOrDefault("org"),
            options.GetValueOrDefault("subject"),
            options.GetValueOrDefault("system"),
            TimeSpan.FromHours(hours)));
        return 0;
    }

    private static string? Validate(Dictionary<string, string> options, TextWriter error)
    {
        if (!options.TryGetValue("role", out var role) || !Roles.All.Contains(role))
        {
            return $"--role must be one of: {string.Join(", ", Roles.All)}";
        }

        if (role == Roles.ProvincialHr && !ProvinceRegion.TryFind(options.GetValueOrDefault("region"), out _))
        {
            return "--region must be a province-level region code such as 110000 for a provincial-hr token";
        }

        if (OrgRoles.Contains(role) && string.IsNullOrWhiteSpace(options.GetValueOrDefault("org")))
        {
            return $"--org is required for a {role} token";
        }

        if (options.TryGetValue("hours", out var hours) && !double.TryParse(hours, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            error.WriteLine(Usage);
            return "--hours must be a number";
        }

        return null;
    }

    // The AppHost keeps the key in .state/ at the repository root unless told otherwise.
    private static string? DefaultKeyFile()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Pilot.Aspire.sln")))
            {
                return Path.Combine(directory.FullName, ".state", "signing-key");
            }
        }

        return null;
    }
}
