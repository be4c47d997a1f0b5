using Pilot.SharedKernel;

namespace Pilot.Filing.Storage;

/// <summary>
/// The answer given to a request id: either the reply bytes or a refusal that had side effects (events),
/// so a retry gets the same answer without repeating them.
/// </summary>
internal sealed record StoredReply(string Fingerprint, byte[]? Reply, StoredRefusal? Refusal);

internal sealed record StoredRefusal(ErrorKind Kind, string? Rule, string Message, IReadOnlyList<FieldViolation> Violations)
{
    public static StoredRefusal Of(DomainException refusal) => new(refusal.Kind, refusal.Rule, refusal.Message, refusal.Violations);

    public DomainException ToException() => new(Kind, Rule, Message, Violations);
}

/// <summary>What to store under a request id in the same transaction as the change it answers.</summary>
internal sealed record ReplyToStore(string Subject, string RequestId, string Fingerprint, byte[]? Reply, StoredRefusal? Refusal);
