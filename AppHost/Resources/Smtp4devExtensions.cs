using Microsoft.Extensions.Configuration;

namespace Pilot.AppHost.Resources;

public static class Smtp4devExtensions
{
    /// <summary>
    /// A development mail server (smtp4dev, restored from the repository's tool manifest by <c>dotnet tool restore</c>):
    /// Notification's mails land in it, and an operator reads them on its web page. In-memory database, loopback only,
    /// on the ports named under <c>Pilot:Ports:smtp4dev</c>.
    /// </summary>
    public static IResourceBuilder<ExecutableResource> AddSmtp4dev(this IDistributedApplicationBuilder builder, string name)
    {
        var ports = builder.Configuration.GetSection($"Pilot:Ports:{name}");
        int Port(string key) => ports.GetValue<int>(key) is > 0 and var port
            ? port
            : throw new InvalidOperationException($"Pilot:Ports:{name}:{key} must be set (AppHost/appsettings.json).");
        var repositoryRoot = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, ".."));
        var web = Port("http");
        var smtp = Port("smtp");
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        return builder.AddExecutable(
                name,
                "dotnet",
                repositoryRoot,
                "tool", "run", "smtp4dev", "--",
                $"--urls=http://localhost:{web.ToString(invariant)}",
                $"--smtpport={smtp.ToString(invariant)}",
                $"--imapport={Port("imap").ToString(invariant)}",
                $"--pop3port={Port("pop3").ToString(invariant)}",
                "--hostname=localhost",
                "--db=",
                "--nousersettings",
                "--tlsmode=None")
            .WithHttpEndpoint(port: web, name: "http", isProxied: false)
            .WithEndpoint(port: smtp, name: "smtp", scheme: "tcp", isProxied: false)
            .WithHttpHealthCheck("/", endpointName: "http");
    }
}
