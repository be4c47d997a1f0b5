using Grpc.Core;
using Pilot.Notification.Application;
using Pilot.ServiceDefaults.Security;
using Proto = Pilot.Protos.Notification;

namespace Pilot.Notification.Grpc;

/// <summary>The wire edge: maps requests to the application and answers back, nothing else.</summary>
internal sealed class NotificationGrpcService(InboxReads reads, InboxCommands inbox, InboxWatch watch, WebhookCommands webhooks) : Proto.Notification.NotificationBase
{
    public override async Task<Proto.ListInboxResponse> ListInbox(Proto.ListInboxRequest request, ServerCallContext context) =>
        NotificationMappers.ToProto(await reads.ListAsync(context.GetCaller(), request.PageSize, request.PageToken, request.UnreadOnly));

    public override async Task<Proto.MarkReadResponse> MarkRead(Proto.MarkReadRequest request, ServerCallContext context) =>
        NotificationMappers.ToProto(await inbox.MarkReadAsync(context.GetCaller(), request.RequestId, request.MessageIds, context.CancellationToken));

    public override Task WatchInbox(Proto.WatchInboxRequest request, IServerStreamWriter<Proto.InboxEvent> responseStream, ServerCallContext context) =>
        watch.RunAsync(
            context.GetCaller(),
            request.Cursor,
            (cursor, entry) => responseStream.WriteAsync(new Proto.InboxEvent { Cursor = cursor, Message = NotificationMappers.ToProto(entry) }, context.CancellationToken),
            context.CancellationToken);

    public override async Task<Proto.GetDeliveriesResponse> GetDeliveries(Proto.GetDeliveriesRequest request, ServerCallContext context) =>
        NotificationMappers.ToProto(await reads.DeliveriesAsync(context.GetCaller(), request.MessageId));

    public override async Task<Proto.WebhookSecret> RegisterWebhook(Proto.RegisterWebhookRequest request, ServerCallContext context) =>
        NotificationMappers.ToProto(await webhooks.RegisterAsync(context.GetCaller(), request.RequestId, request.Url, context.CancellationToken));

    public override async Task<Proto.WebhookSecret> RotateWebhookSecret(Proto.RotateWebhookSecretRequest request, ServerCallContext context) =>
        NotificationMappers.ToProto(await webhooks.RotateAsync(context.GetCaller(), request.RequestId, context.CancellationToken));

    public override async Task<Proto.Webhook> GetWebhook(Proto.GetWebhookRequest request, ServerCallContext context) =>
        NotificationMappers.ToProto(await webhooks.GetAsync(context.GetCaller()));
}
