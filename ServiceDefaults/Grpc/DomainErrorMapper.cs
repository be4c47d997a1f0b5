using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Google.Protobuf;
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

    // What a refusal may carry back, so its trailers stay far below the 8 KB that common clients accept (a default
    // .NET client's 64 KB header limit, once exceeded, breaks the whole HTTP/2 connection): the message is sent twice
    // (grpc-message, percent-encoded, up to nine bytes a Chinese character; and in the status details, base64).
    private const int MaxMessageChars = 120;
    private const int MaxFieldChars = 120;
    private const int MaxDescriptionChars = 240;
    private const int ViolationBytesBudget = 1536;

    public static RpcException ToRpcException(DomainException error)
    {
        var code = ToStatusCode(error.Kind);
        var status = new Google.Rpc.Status
        {
            Code = (int)code,
            Message = Shortened.To(error.Message, MaxMessageChars),
        };

        var info = new ErrorInfo { Domain = ErrorDomain, Reason = error.Rule ?? ReasonOf(error.Kind) };
        if (error.Rule is not null)
        {
            info.Metadata.Add("rule", error.Rule);
        }

        status.Details.Add(Any.Pack(info));
        if (error.Violations.Count > 0)
        {
            status.Details.Add(Any.Pack(BoundedViolations(error.Violations)));
        }

        return status.ToRpcException();
    }

    /// <summary>The violations that fit the budget, and one more that says how many were left out.</summary>
    private static BadRequest BoundedViolations(IReadOnlyList<FieldViolation> violations)
    {
        var badRequest = new BadRequest();
        var bytes = 0;
        foreach (var violation in violations)
        {
            var item = new BadRequest.Types.FieldViolation
            {
                Field = Shortened.To(violation.Field, MaxFieldChars),
                Description = Shortened.To(violation.Description, MaxDescriptionChars),
            };
            bytes += item.CalculateSize();
            if (bytes > ViolationBytesBudget)
            {
                var left = violations.Count - badRequest.FieldViolations.Count;
                badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation
                {
                    Field = "…",
                    Description = $"and {left} more violation(s) not listed; fix the ones above and send the request again",
                });
                break;
            }

            badRequest.FieldViolations.Add(item);
        }

        return badRequest;
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
