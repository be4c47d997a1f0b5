using System.Security.Cryptography;
using Google.Protobuf;
using Pilot.EventBus;
using Pilot.Storage;
using Pilot.Registry.Domain.Decisions;
using Pilot.Registry.Domain.Events;
using Pilot.Registry.Storage;
using Pilot.SharedKernel;
using StackExchange.Redis;

namespace Pilot.Registry.Application;

/// <summary>
/// Runs one command: read what it needs, let the domain decide, then store the record, its events
/// and the answer in one transaction that holds only if nothing read has changed meanwhile.
/// A repeated request id returns the stored answer and changes nothing.
/// </summary>
internal sealed class RegistryCommandRunner(IConnectionMultiplexer redis, IEventOutbox outbox, TimeProvider clock)
{
    private const int MaxAttempts = 8;
    private static readonly TimeSpan AnswerRetention = TimeSpan.FromDays(7);

    public TimeProvider Clock => clock;

    public async Task<TResponse> RunAsync<TState, TResponse>(
        RegistryCommand<TState, TResponse> command,
        CancellationToken cancellationToken)
        where TResponse : class, IMessage<TResponse>, new()
    {
        var requestId = command.RequestId.Trim();
        if (requestId.Length is 0 or > 128)
        {
            throw DomainException.Invalid("request_id", "request_id is required (at most 128 characters): the same id again returns the first answer");
        }

        // The message type names the rpc: the same bytes sent to two rpcs are two different requests.
        var fingerprint = Convert.ToHexString(SHA256.HashData(
            [.. System.Text.Encoding.UTF8.GetBytes(command.Request.Descriptor.FullName + "\n"), .. command.Request.ToByteArray()]));
        var requestKey = RegistryKeys.Request(command.Caller.Subject, requestId);
        var database = redis.GetDatabase();
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var snapshot = new RegistrySnapshot(database);
            await snapshot.PrefetchAsync([requestKey, .. command.Prefetch]).ConfigureAwait(false);
            if (StoredAnswer<TResponse>(snapshot.Raw(requestKey), fingerprint) is { } earlier)
            {
                return earlier;
            }

            if (command.ThenPrefetch is { } dependent)
            {
                await snapshot.PrefetchAsync(dependent(snapshot)).ConfigureAwait(false);
            }

            var decision = command.Decide(snapshot);
            var changes = new RegistryChangeSet();
            command.Record(changes, decision.State, snapshot);
            var response = command.Respond(decision.State, snapshot);

            // Everything read must still hold what was read; then the record, its indexes, the events
            // and the answer are written in the same atomic step. A key read as absent and now written (a new record,
            // a credit code's holder, the answer) is claimed: one SET NX instead of a check and a write.
            var commit = new ConditionalCommit();
            commit.Claim(requestKey, fingerprint + "|" + Convert.ToBase64String(response.ToByteArray()), AnswerRetention);
            foreach (var (key, value) in snapshot.Reads)
            {
                if (key == requestKey)
                {
                    continue;
                }

                if (!value.IsNull)
                {
                    commit.StringEquals(key, value);
                }
                else if (changes.TakeSet(key) is { } created)
                {
                    commit.Claim(key, created);
                }
                else
                {
                    commit.Absent(key);
                }
            }

            changes.AddTo(commit);
            for (var i = 0; i < decision.Events.Count; i++)
            {
                var evt = decision.Events[i];
                commit.Append(outbox.Prepare(RegistryTopic.Name, evt.EventType, evt, EventIds.ForCommand(RegistryTopic.AppId, command.Caller.Subject, requestId, i)));
            }

            if (await commit.ExecuteAsync(database).ConfigureAwait(false))
            {
                return response;
            }

            // Someone changed what we read; a short random pause keeps two retries from colliding again.
            await Task.Delay(Random.Shared.Next(1, 5 * attempt), cancellationToken).ConfigureAwait(false);
        }

        throw DomainException.Conflict("request_id", "the records this request touches kept changing; read them again and retry with the same request_id");
    }

    private static TResponse? StoredAnswer<TResponse>(RedisValue stored, string fingerprint)
        where TResponse : class, IMessage<TResponse>, new()
    {
        if (stored.IsNull)
        {
            return null;
        }

        var text = stored.ToString();
        var separator = text.IndexOf('|', StringComparison.Ordinal);
        if (!string.Equals(text[..separator], fingerprint, StringComparison.Ordinal))
        {
            throw DomainException.Invalid("request_id", "this request_id was already used for a different request; use a new request_id for a new request");
        }

        var answer = new TResponse();
        answer.MergeFrom(Convert.FromBase64String(text[(separator + 1)..]));
        return answer;
    }
}
