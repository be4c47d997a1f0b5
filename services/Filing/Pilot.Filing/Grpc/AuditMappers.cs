using Pilot.Filing.Domain.Auditing;
using Pilot.Protos.Filing;
using Pilot.SharedKernel;

namespace Pilot.Filing.Grpc;

internal static class AuditMappers
{
    public static AuditEntry ToProto(AuditRecord record) => new()
    {
        Action = record.Action,
        Target = record.Target,
        RequestId = record.RequestId ?? string.Empty,
        Subject = record.Subject,
        Role = record.Role,
        Region = record.Region ?? string.Empty,
        Org = record.Org ?? string.Empty,
        System = record.System ?? string.Empty,
        At = ProtoDates.ToTimestamp(record.At),
        Succeeded = record.Outcome == AuditOutcome.Succeeded,
        RefusalKind = record.RefusalKind is { } kind ? NameOf(kind) : string.Empty,
        Rule = record.Rule ?? string.Empty,
        Detail = record.Detail,
    };

    private static string NameOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Invalid => "INVALID",
        ErrorKind.Precondition => "PRECONDITION",
        ErrorKind.Forbidden => "FORBIDDEN",
        ErrorKind.NotFound => "NOT_FOUND",
        ErrorKind.Conflict => "CONFLICT",
        _ => kind.ToString().ToUpperInvariant(),
    };
}
