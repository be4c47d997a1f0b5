using Pilot.SharedKernel;

namespace Pilot.Commands;

/// <summary>A request id already answered for a different request: refused as <c>INVALID_ARGUMENT</c> on <c>request_id</c>.</summary>
public sealed class RequestReusedException : DomainException
{
    public RequestReusedException(string requestId)
        : base(
            ErrorKind.Invalid,
            null,
            $"request id '{Shortened.To(requestId, 40)}' was already used for a different request; use a new id for a new request",
            [new FieldViolation("request_id", "already used for a different request; use a new id for a new request")])
    {
    }

    public RequestReusedException()
        : this(string.Empty)
    {
    }

    public RequestReusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
