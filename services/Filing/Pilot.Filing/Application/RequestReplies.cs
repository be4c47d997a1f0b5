using Google.Protobuf;
using Pilot.Filing.Storage;
using Pilot.SharedKernel;

namespace Pilot.Filing.Application;

/// <summary>Answers a retried request id with what the first call got.</summary>
internal sealed class RequestReplies(FilingStore store)
{
    /// <summary>How often a command re-reads and decides again after losing a race; more than two rivals is unheard of.</summary>
    public const int MaxAttempts = 5;

    /// <summary>The earlier reply for this caller's request id, the earlier refusal thrown, or null when the id is new.</summary>
    /// <remarks>
    /// Handlers ask again when the domain refuses: a parallel retry of the same id may have committed between
    /// the first look and the read of the state, and then its answer, not a version conflict, is the reply.
    /// </remarks>
    public async Task<TReply?> FindAsync<TReply>(Caller caller, string? requestId, string fingerprint, MessageParser<TReply> parser)
        where TReply : class, IMessage<TReply>
    {
        if (string.IsNullOrWhiteSpace(requestId))
        {
            return null;
        }

        var stored = await store.FindReplyAsync(caller.Subject, requestId);
        if (stored is null)
        {
            return null;
        }

        if (stored.Fingerprint != fingerprint)
        {
            throw DomainException.Invalid(
                "request_id", $"request id '{requestId}' was already used for a different request; use a new id for a new request");
        }

        if (stored.Refusal is not null)
        {
            throw stored.Refusal.ToException();
        }

        return parser.ParseFrom(stored.Reply ?? []);
    }

    public static ReplyToStore Reply(Caller caller, string requestId, string fingerprint, IMessage reply) =>
        new(caller.Subject, requestId, fingerprint, reply.ToByteArray(), null);

    public static ReplyToStore Refusal(Caller caller, string requestId, string fingerprint, DomainException refusal) =>
        new(caller.Subject, requestId, fingerprint, null, StoredRefusal.Of(refusal));

    public static DomainException LostTooManyRaces(string field) =>
        DomainException.Conflict(field, "the record kept changing while this request was decided; reload it and try again");
}
