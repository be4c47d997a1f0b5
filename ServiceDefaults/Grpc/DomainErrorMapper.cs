using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Pilot.SharedKernel;

namespace Pilot.ServiceDefaults.Grpc;

/// <summary>
/// Turns a <see cref="DomainException"/> into an <see cref="RpcException"/> whose trailers carry a
/// <c>google.rpc.Status</c>: <c>ErrorInfo</c> names the rule (R1…R9) and <c>BadRequest</c> lists
/// the fields, so a client can show each message next to its field.
/// </summary>
public static class DomainErrorMapper
{
    public const string ErrorDomain = "pilot.skill-certification";

    public static RpcException ToRpcException(DomainException error)
    {
        var code = ToStatusCode(error.Kind);
        var status = new Google.Rpc.Status
        {
            Code = (int)code,
            Message = error.Message,
        };

        var info = new ErrorInfo { Domain = ErrorDomain, Reason = error.Rule ?? ReasonOf(error.Kind) };
        if (error.Rule is not null)
        {
            info.Metadata.Add("rule", error.Rule);
        }

        status.Details.Add(Any.Pack(info));
        if (error.Violations.Count > 0)
        {
            var badRequest = new BadRequest();
            badRequest.FieldViolations.AddRange(error.Violations.Select(v => new BadRequest.Types.FieldViolation
            {
                Field = v.Field,
                Description = v.Description,
            }));
            status.Details.Add(Any.Pack(badRequest));
        }

        return status.ToRpcException();
    }

    public static StatusCode ToStatusCode(ErrorKind kind) => kind switch
    {
        ErrorKind.Invalid => StatusCode.InvalidArgument,
        ErrorKind.Precondition => StatusCode.FailedPrecondition,
        ErrorKind.Forbidden => StatusCode.PermissionDenied,
        ErrorKind.NotFound => StatusCode.NotFound,
        ErrorKind.Conflict => StatusCode.Aborted,
        ErrorKind.AlreadyExists => StatusCode.AlreadyExists,
        _ => StatusCode.Unknown,
    };

    private static string ReasonOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Invalid => "INVALID_INPUT",
        ErrorKind.Precondition => "PRECONDITION",
        ErrorKind.Forbidden => "FORBIDDEN",
        ErrorKind.NotFound => "NOT_FOUND",
        ErrorKind.Conflict => "CONFLICT",
        ErrorKind.AlreadyExists => "ALREADY_EXISTS",
        _ => "UNKNOWN",
    };
}
