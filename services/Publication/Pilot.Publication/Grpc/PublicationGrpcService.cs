namespace Pilot.Publication.Grpc;

public sealed class PublicationGrpcService : Protos.Publication.Publication.PublicationBase;
