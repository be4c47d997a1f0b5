using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Pilot.EventBus;
using Pilot.SharedKernel;
using Pilot.Storage;
using StackExchange.Redis;

namespace Pilot.Commands;

/// <summary>
/// Runs every state change of a service the same way: check the request id and fingerprint the request; return the
/// stored answer for a repeat; load what the decision reads; let the domain decide; commit the writes, the events
/// (outbox) and the answer in one conditional commit that holds only if nothing read has changed; on a conflict read
/// and decide again, and answer <c>Aborted</c> after the last attempt.
/// </summary>
public sealed class CommandPipeline(IConnectionMultiplexer redis, IEventOutbox outbox, IOptions<CommandOptions> options)
{
    public async Task<TAnswer> RunAsync<TReads, TAnswer>(Command<TReads, TAnswer> command, CancellationToken cancellationToken)
        where TReads : ICommandReads
        where TAnswer : class
    {
        ArgumentNullException.ThrowIfNull(command);
        var settings = options.Value;
        var requestId = RequestIds.Check(command.RequestId);
        var fingerprint = Fingerprint(command.Name, command.Request, settings.Json);
        var answerKey = CommandKeys.Answer(settings.AppId, command.Caller.Subject, requestId);
        var database = redis.GetDatabase();
        for (var attempt = 1; attempt <= settings.MaxAttempts; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // The stored answer is looked up in the same round trip as the loader's first reads.
            var stored = database.StringGetAsync(answerKey);
            var reads = await command.Load(new CommandAttempt(attempt, IsStoredAsync(stored))).ConfigureAwait(false);
            if (await EarlierOrReuseAsync(command, await stored.ConfigureAwait(false), fingerprint, requestId, settings, database).ConfigureAwait(false) is { } earlier)
            {
                return earlier;
            }

            var result = Decide(command, reads);
            var commit = new ConditionalCommit();
            if (result.Refusal is { } refusal)
            {
                // A parallel retry of this request may have committed since the first look: its answer is the reply.
                if (await EarlierOrReuseAsync(command, await database.StringGetAsync(answerKey).ConfigureAwait(false), fingerprint, requestId, settings, database).ConfigureAwait(false) is { } answeredMeanwhile)
                {
                    return answeredMeanwhile;
                }

                if (result.Writes is null && result.Events.Count == 0)
                {
                    throw refusal;
                }

                // A refusal's traces are facts about the attempt, kept whatever the state became; one that announces
                // something is stored as the answer, so a retry neither announces nor records it again.
                if (result.Remembered)
                {
                    commit.Claim(answerKey, StoredAnswers.Refusal(fingerprint, refusal), settings.AnswerRetention);
                }
                else
                {
                    // Decided again on every repeat (the state may have changed), but its traces are kept once.
                    commit.Claim(CommandKeys.RefusalTraced(settings.AppId, command.Caller.Subject, requestId, fingerprint), "1", settings.AnswerRetention);
                }

                result.Writes?.Invoke(commit);
                AppendEvents(commit, result.Events, settings.AppId, command.Caller, requestId);
                if (await commit.ExecuteAsync(database).ConfigureAwait(false) || !result.Remembered)
                {
                    throw refusal;
                }

                continue;
            }

            reads.AddConditions(commit);
            commit.Claim(answerKey, StoredAnswers.Answer(fingerprint, result.Answer!, settings.Json), settings.AnswerRetention);
            result.Writes!.Invoke(commit);
            AppendEvents(commit, result.Events, settings.AppId, command.Caller, requestId);
            if (await commit.ExecuteAsync(database).ConfigureAwait(false))
            {
                return result.Answer!;
            }

            // Someone changed what was read; a short random pause keeps two retries from colliding again.
            await Task.Delay(Random.Shared.Next(1, 5 * attempt), cancellationToken).ConfigureAwait(false);
        }

        throw DomainException.Conflict(
            "request_id", "the records this request touches kept changing while it was decided; read them again and retry with the same request_id");
    }

    /// <summary>A domain that refuses by throwing refuses like one that returns the refusal: with no traces.</summary>
    private static CommandResult<TAnswer> Decide<TReads, TAnswer>(Command<TReads, TAnswer> command, TReads reads)
        where TReads : ICommandReads
        where TAnswer : class
    {
        try
        {
            return command.Decide(reads);
        }
        catch (DomainException refusal)
        {
            return CommandResult.Refused<TAnswer>(refusal);
        }
    }

    /// <summary>The SHA-256 of the command's name and its JSON: what a repeat of the request id must match.</summary>
    public static string Fingerprint(string name, object request, JsonSerializerOptions json)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = JsonSerializer.SerializeToUtf8Bytes(request, request.GetType(), json);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(name + "\n"));
        hash.AppendData(body);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private void AppendEvents(ConditionalCommit commit, IReadOnlyList<OutgoingEvent> events, string appId, Caller caller, string requestId)
    {
        for (var i = 0; i < events.Count; i++)
        {
            var evt = events[i];
            commit.Append(outbox.Prepare(evt.Topic, evt.Type, evt.Data, EventIds.ForCommand(appId, caller.Subject, requestId, i)));
        }
    }

    /// <summary>
    /// The stored answer, or the stored refusal thrown; a request id used for another request is refused, with the
    /// command's traces of that attempt kept once.
    /// </summary>
    private static async Task<TAnswer?> EarlierOrReuseAsync<TReads, TAnswer>(
        Command<TReads, TAnswer> command, RedisValue stored, string fingerprint, string requestId, CommandOptions settings, IDatabase database)
        where TReads : ICommandReads
        where TAnswer : class
    {
        if (stored.IsNull)
        {
            return null;
        }

        try
        {
            return StoredAnswers.Read<TAnswer>(((byte[])stored!).AsSpan(), fingerprint, requestId, settings.Json);
        }
        catch (RequestReusedException reuse) when (command.TracesOfReuse is { } traces)
        {
            var commit = new ConditionalCommit();
            commit.Claim(CommandKeys.RefusalTraced(settings.AppId, command.Caller.Subject, requestId, fingerprint), "1", settings.AnswerRetention);
            traces(reuse)(commit);
            await commit.ExecuteAsync(database).ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<bool> IsStoredAsync(Task<RedisValue> stored) => !(await stored.ConfigureAwait(false)).IsNull;
}
