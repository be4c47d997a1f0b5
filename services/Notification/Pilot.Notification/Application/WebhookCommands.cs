using Microsoft.Extensions.Options;
using Pilot.Commands;
using Pilot.Notification.Domain.Parties;
using Pilot.Notification.Domain.Webhooks;
using Pilot.Notification.Storage;
using Pilot.SharedKernel;

namespace Pilot.Notification.Application;

/// <summary>A webhook with its secret, answered once, at registration or rotation.</summary>
public sealed record IssuedSecret(string Url, string Secret, DateTimeOffset? PreviousSecretValidUntil);

/// <summary>Registering and rotating a party's webhook, on the command pipeline.</summary>
internal sealed class WebhookCommands(CommandPipeline pipeline, WebhookStore store, TimeProvider clock, IOptions<NotificationOptions> options)
{
    public Task<IssuedSecret> RegisterAsync(Caller caller, string requestId, string url, CancellationToken cancellationToken)
    {
        var party = Party.Of(caller);
        var allowHttp = options.Value.Webhooks.AllowPrivateNetworks;
        var checkedUrl = WebhookRegistration.CheckedUrl(url, allowHttp);

        // The secret is drawn once per request: a retry with the same request id gets the stored answer, not a new secret.
        var secret = WebhookSignature.NewSecret();
        return pipeline.RunAsync(
            new Command<WebhookReads, IssuedSecret>(
                caller,
                requestId,
                "RegisterWebhook",
                new { party = party.Key, url = checkedUrl },
                _ => store.ReadAsync(party.Key),
                _ =>
                {
                    var registration = WebhookRegistration.Register(party.Key, checkedUrl, allowHttp, secret, clock.GetUtcNow());
                    return CommandResult.Accepted(new IssuedSecret(registration.Url, registration.Secret, null), writes => WebhookStore.Put(writes, registration));
                }),
            cancellationToken);
    }

    public Task<IssuedSecret> RotateAsync(Caller caller, string requestId, CancellationToken cancellationToken)
    {
        var party = Party.Of(caller);
        var secret = WebhookSignature.NewSecret();
        return pipeline.RunAsync(
            new Command<WebhookReads, IssuedSecret>(
                caller,
                requestId,
                "RotateWebhookSecret",
                new { party = party.Key },
                _ => store.ReadAsync(party.Key),
                reads =>
                {
                    if (reads.Existing is not { } existing)
                    {
                        return CommandResult.Refused<IssuedSecret>(DomainException.Precondition("webhook", "register a webhook before rotating its secret"));
                    }

                    var rotated = existing.Rotate(secret, clock.GetUtcNow(), options.Value.Webhooks.SecretOverlap);
                    return CommandResult.Accepted(new IssuedSecret(rotated.Url, rotated.Secret, rotated.PreviousSecretValidUntil), writes => WebhookStore.Put(writes, rotated));
                }),
            cancellationToken);
    }

    public async Task<WebhookRegistration> GetAsync(Caller caller)
    {
        var party = Party.Of(caller);
        return (await store.ReadAsync(party.Key).ConfigureAwait(false)).Existing
            ?? throw DomainException.NotFound("webhook", "you have registered no webhook");
    }
}
