using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Configuration;
using Pilot.ServiceDefaults.Security;

namespace Pilot.Demo;

/// <summary>Where the services are (as the AppHost hands them over) and how the demo gets its tokens.</summary>
internal sealed class DemoContext(IReadOnlyDictionary<string, Uri> services, LocalTokenIssuer tokens, int? webhookPort = null, string? mailPage = null)
{
    public static readonly string[] ServiceNames = ["registry", "filing", "publication", "notification"];

    private readonly Dictionary<string, GrpcChannel> channels = [];

    public LocalTokenIssuer Tokens { get; } = tokens;

    public IReadOnlyDictionary<string, Uri> Services { get; } = services;

    /// <summary>Where the demo's webhook receiver listens (the AppHost names it); none, no receiver.</summary>
    public int? WebhookPort { get; } = webhookPort;

    /// <summary>The development mail server's page, where the demo's mails can be read.</summary>
    public string? MailPage { get; } = mailPage;

    public static DemoContext FromConfiguration(IConfiguration configuration)
    {
        var services = new Dictionary<string, Uri>(StringComparer.Ordinal);
        foreach (var name in ServiceNames)
        {
            var address = configuration[$"services:{name}:grpc:0"];
            if (!string.IsNullOrWhiteSpace(address))
            {
                services[name] = new Uri(address);
            }

            // The public HTTP JSON side, where a service has one the demo reads.
            if (configuration[$"services:{name}:http:0"] is { Length: > 0 } http)
            {
                services[name + "-http"] = new Uri(http);
            }
        }

        var auth = configuration.GetSection(PilotAuthOptions.SectionName).Get<PilotAuthOptions>() ?? new PilotAuthOptions();
        var key = auth.ResolveSigningKey()
            ?? throw new InvalidOperationException("The demo needs Pilot__Auth__SigningKeyFile (the AppHost sets it).");
        var webhookPort = int.TryParse(configuration["Pilot:Demo:WebhookPort"], System.Globalization.CultureInfo.InvariantCulture, out var port) && port > 0 ? port : (int?)null;
        return new DemoContext(services, new LocalTokenIssuer(key, auth.Issuer, auth.Audience), webhookPort, configuration["Pilot:Demo:MailPage"]);
    }

    public GrpcChannel Channel(string service)
    {
        if (!channels.TryGetValue(service, out var channel))
        {
            channel = GrpcChannel.ForAddress(Services[service]);
            channels[service] = channel;
        }

        return channel;
    }

    public static Metadata Bearer(string token) => new() { { "Authorization", $"Bearer {token}" } };
}
