namespace Pilot.Notification.Grpc;

public sealed class NotificationGrpcService : Protos.Notification.Notification.NotificationBase;
