using System.Collections.Concurrent;
using System.Globalization;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Pilot.SharedKernel;
using StandardWebhooks;
using Proto = Pilot.Protos.Notification;

namespace Pilot.Demo;

/// <summary>
/// Notification's part of the demo. Before the batch starts, the demo hosts a webhook receiver and registers it for
/// three parties (an organisation, its department, the Beijing bureau); after the batch, it checks that their inboxes
/// hold messages, that the receiver got each call with a signature that verifies with the party's secret, and that the
/// mails reached the development mail server, whose page it names.
/// </summary>
internal sealed class NotificationDemo(DemoContext context, DemoSteps steps) : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static readonly (string Path, string Role, string? Org, string? Region, string Name)[] Parties =
    [
        ("org-jtpj", Roles.EvaluationOrg, "org-jtpj", null, "中国交通运输协会职业技能评价中心"),
        ("dept-mot", Roles.Department, "dept-mot", null, "交通运输部"),
        ("bureau-110000", Roles.ProvincialHr, null, "110000", "北京市人社局"),
    ];

    private readonly Proto.Notification.NotificationClient notification = new(context.Channel("notification"));
    private readonly ConcurrentDictionary<string, string> secrets = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Path, string WebhookId, string? Error)> calls = new();
    private WebApplication? receiver;

    public async Task SubscribeAsync()
    {
        if (context.WebhookPort is not { } port)
        {
            return;
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        builder.Logging.ClearProviders();
        receiver = builder.Build();
        receiver.MapPost("/hooks/{party}", async (string party, HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync().ConfigureAwait(false);
            string? error = null;
            try
            {
                new StandardWebhook(secrets.TryGetValue(party, out var secret) ? secret : throw new InvalidOperationException("no secret for " + party)).Verify(body, http.Request.Headers);
            }
            catch (Exception failure) when (failure is not OutOfMemoryException)
            {
                error = failure.Message;
            }

            calls.Enqueue((party, http.Request.Headers["webhook-id"].ToString(), error));
            return error is null ? Results.NoContent() : Results.Unauthorized();
        });
        await receiver.StartAsync().ConfigureAwait(false);

        foreach (var party in Parties)
        {
            var url = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/hooks/{party.Path}";
            await steps.Expect($"{party.Name} registers its webhook", async () =>
            {
                var registered = await notification.RegisterWebhookAsync(
                    new Proto.RegisterWebhookRequest { RequestId = $"demo-webhook-{party.Path}", Url = url }, As(party)).ResponseAsync.ConfigureAwait(false);
                secrets[party.Path] = registered.Secret;
                return $"{registered.Url}, secret shown once ({registered.Secret[..10]}…)";
            }).ConfigureAwait(false);
        }
    }

    public async Task CheckAsync()
    {
        foreach (var party in Parties)
        {
            await steps.Expect($"{party.Name} reads its inbox", async () =>
            {
                var inbox = await UntilAsync(
                    () => notification.ListInboxAsync(new Proto.ListInboxRequest { PageSize = 50 }, As(party)).ResponseAsync,
                    page => page.Messages.Count > 0,
                    $"a message in the inbox of {party.Path}").ConfigureAwait(false);
                return $"{inbox.Messages.Count} messages, {inbox.UnreadCount} unread; newest: {inbox.Messages[0].Subject}";
            }).ConfigureAwait(false);
        }

        if (receiver is not null)
        {
            foreach (var party in Parties)
            {
                await steps.Expect($"{party.Name}'s webhook received signed messages", async () =>
                {
                    var inbox = await notification.ListInboxAsync(new Proto.ListInboxRequest { PageSize = 50 }, As(party)).ResponseAsync.ConfigureAwait(false);
                    var newest = inbox.Messages[0].MessageId;
                    var webhook = await UntilAsync(
                        async () => (await notification.GetDeliveriesAsync(new Proto.GetDeliveriesRequest { MessageId = newest }, As(party)).ResponseAsync.ConfigureAwait(false))
                            .Deliveries.FirstOrDefault(d => d.Channel == Proto.Channel.Webhook),
                        delivery => delivery?.Status is Proto.DeliveryStatus.Delivered or Proto.DeliveryStatus.PermanentFailure,
                        $"the webhook delivery of {newest}").ConfigureAwait(false);
                    var received = calls.Where(c => c.Path == party.Path).ToList();
                    var unverified = received.Count(c => c.Error is not null);
                    if (webhook!.Status != Proto.DeliveryStatus.Delivered || unverified > 0)
                    {
                        throw new RpcException(new Status(StatusCode.FailedPrecondition, $"webhook {webhook.Status} ({webhook.Reason}); {unverified} of {received.Count} calls failed verification"));
                    }

                    return $"{received.Count} calls this run, every signature verified; newest message delivered after {webhook.Attempts.Count} attempt(s)";
                }).ConfigureAwait(false);
            }
        }

        var bureau = Parties[2];
        await steps.Expect("the Beijing bureau's mails reach the development mail server", async () =>
        {
            var inbox = await notification.ListInboxAsync(new Proto.ListInboxRequest { PageSize = 50 }, As(bureau)).ResponseAsync.ConfigureAwait(false);
            var email = await UntilAsync(
                async () => (await notification.GetDeliveriesAsync(new Proto.GetDeliveriesRequest { MessageId = inbox.Messages[0].MessageId }, As(bureau)).ResponseAsync.ConfigureAwait(false))
                    .Deliveries.FirstOrDefault(d => d.Channel == Proto.Channel.Email),
                delivery => delivery?.Status is Proto.DeliveryStatus.Delivered or Proto.DeliveryStatus.PermanentFailure,
                "the e-mail delivery").ConfigureAwait(false);
            return email!.Status == Proto.DeliveryStatus.Delivered
                ? $"mailed to {email.Destination}; read it at {context.MailPage ?? "the smtp4dev page"}"
                : throw new RpcException(new Status(StatusCode.FailedPrecondition, $"e-mail {email.Status}: {email.Reason}"));
        }).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (receiver is not null)
        {
            await receiver.DisposeAsync().ConfigureAwait(false);
        }
    }

    private Metadata As((string Path, string Role, string? Org, string? Region, string Name) party) =>
        DemoContext.Bearer(context.Tokens.Issue(party.Role, region: party.Region, org: party.Org, subject: $"demo-{party.Path}", system: "pilot-demo"));

    /// <summary>Asks until the answer is as wanted: the service tells parties after the events, on its own time.</summary>
    private static async Task<T> UntilAsync<T>(Func<Task<T>> ask, Func<T, bool> wanted, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var answer = await ask().ConfigureAwait(false);
            if (wanted(answer))
            {
                return answer;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new RpcException(new Status(StatusCode.DeadlineExceeded, $"waited {Patience.TotalSeconds:0} s for {what}"));
            }

            await Task.Delay(500).ConfigureAwait(false);
        }
    }
}
