using System.Globalization;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Pilot.Scheduling;

/// <summary>
/// Takes due jobs for one runner in one atomic step: each job's score moves to the end of the lease, so no other
/// replica sees it due until then, and its hash records a claim token unique to this claim.
/// </summary>
internal sealed class DueJobClaimer(IConnectionMultiplexer redis, IOptions<SchedulingOptions> options)
{
    // KEYS[1] the due set; ARGV: now (ms), lease end (ms), batch size, token prefix, job hash key prefix.
    // The job hashes are not in KEYS (they are found in the set): fine on one Redis, not on a cluster.
    // A due entry whose hash is gone has nothing to run, and would otherwise be claimed on every pass.
    private const string Script = """
        local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'WITHSCORES', 'LIMIT', 0, ARGV[3])
        local claimed = {}
        for i = 1, #due, 2 do
          local key, score = due[i], due[i + 1]
          local job = ARGV[5] .. key
          if redis.call('EXISTS', job) == 0 then
            redis.call('ZREM', KEYS[1], key)
          else
            local token = ARGV[4] .. ':' .. i
            redis.call('ZADD', KEYS[1], ARGV[2], key)
            local attempt = redis.call('HINCRBY', job, 'attempt', 1)
            redis.call('HSET', job, 'claim', token)
            local f = redis.call('HMGET', job, 'kind', 'payload', 'due', 'trace', 'error')
            claimed[#claimed + 1] = {key, token, attempt, score, f[1], f[2], f[3], f[4], f[5]}
          end
        end
        return claimed
        """;

    public async Task<IReadOnlyList<ClaimedJob>> ClaimAsync(DateTimeOffset now)
    {
        var settings = options.Value;
        var leaseEndsAt = now + settings.Lease;

        // A fresh prefix per pass: a token never repeats, even for a job rescheduled and claimed again by the same runner.
        var prefix = Guid.NewGuid().ToString("N");
        var result = await redis.GetDatabase().ScriptEvaluateAsync(
            Script,
            [SchedulingKeys.Due(settings.AppId)],
            [now.ToUnixTimeMilliseconds(), leaseEndsAt.ToUnixTimeMilliseconds(), settings.BatchSize, prefix, SchedulingKeys.Job(settings.AppId, "")]);

        var rows = (RedisResult[])result!;
        var jobs = new ClaimedJob[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            var f = (RedisResult[])rows[i]!;
            jobs[i] = new ClaimedJob(
                Key: (string)f[0]!,
                Token: (string)f[1]!,
                Attempt: (int)f[2],
                RunnableSince: Time(f[3]) ?? now,
                LeaseEndsAt: leaseEndsAt,
                Kind: (string?)f[4],
                Payload: (string?)f[5] ?? "",
                DueAt: Time(f[6]) ?? now,
                Trace: (string?)f[7],
                LastError: (string?)f[8]);
        }

        return jobs;
    }

    private static DateTimeOffset? Time(RedisResult value) =>
        !value.IsNull && double.TryParse((string?)value, NumberStyles.Float, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)ms)
            : null;
}
