using Pilot.SharedKernel;

namespace Pilot.Commands;

/// <summary>The request id every command carries: how a retry is recognised.</summary>
public static class RequestIds
{
    public const int MaxLength = FieldLimits.RequestIdLength;

    /// <summary>The trimmed request id, or a refusal naming <c>request_id</c>.</summary>
    public static string Check(string? requestId)
    {
        var trimmed = requestId?.Trim() ?? string.Empty;
        if (trimmed.Length is 0 or > MaxLength || trimmed.Any(char.IsControl))
        {
            throw DomainException.Invalid(
                "request_id",
                $"request_id is required: 1–{MaxLength} printable characters, chosen by the client; the same id again returns the first answer");
        }

        return trimmed;
    }
}
