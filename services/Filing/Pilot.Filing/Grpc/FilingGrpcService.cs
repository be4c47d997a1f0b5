namespace Pilot.Filing.Grpc;

public sealed class FilingGrpcService : Protos.Filing.Filing.FilingBase;
