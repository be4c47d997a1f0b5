using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Pilot.Testing;
using StandardWebhooks;

namespace Pilot.Notification.Tests.Support;

/// <summary>One webhook call as the receiver saw it, and whether its signature verified with the receiver's secret.</summary>
public sealed record ReceivedCall(string Path, string WebhookId, string Timestamp, string Signature, string Body, bool Verified, string? VerifyError);

/// <summary>
/// A real HTTP receiver on a loopback port: it verifies each call with a Standard Webhooks library and answers with
/// the status codes a test queues (204 once the queue is empty).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<int> answers = new();

    private WebhookReceiver(WebApplication app, int port)
    {
        this.app = app;
        Port = port;
    }

    public int Port { get; }

    public string? Secret { get; set; }

    public ConcurrentQueue<ReceivedCall> Calls { get; } = new();

    public string Url(string path) => $"http://127.0.0.1:{Port}/{path}";

    public void Answer(params int[] statusCodes)
    {
        foreach (var code in statusCodes)
        {
            answers.Enqueue(code);
        }
    }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var port = LoopbackPorts.ForImmediateUse();
        // A content root of its own: the test output holds the service's appsettings.json, whose Kestrel endpoints would win.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = Directory.CreateTempSubdirectory("receiver").FullName });
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, port);
        app.MapPost("/{**path}", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            string? error = null;
            try
            {
                new StandardWebhook(receiver.Secret ?? throw new InvalidOperationException("no secret set")).Verify(body, context.Request.Headers);
            }
            catch (Exception verifyError)
            {
                error = verifyError.Message;
            }

            var headers = context.Request.Headers;
            receiver.Calls.Enqueue(new ReceivedCall(
                context.Request.Path, headers["webhook-id"].ToString(), headers["webhook-timestamp"].ToString(), headers["webhook-signature"].ToString(), body, error is null, error));
            return Results.StatusCode(receiver.answers.TryDequeue(out var code) ? code : 204);
        });
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
