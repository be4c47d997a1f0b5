using System.Globalization;
using Pilot.EventBus.Redis;
using StackExchange.Redis;

namespace Pilot.Cli;

/// <summary>
/// <c>deadletters --redis localhost:PORT --topic filing-events</c>: lists the messages the bus gave up on, and with
/// <c>--replay &lt;id&gt;</c> (or <c>all</c>) puts them back on their topic once the handler is fixed.
/// </summary>
internal static class DeadLettersCommand
{
    public const string Usage =
        "usage: pilot-cli deadletters --redis <host:port> --topic <topic> [--count <n>] [--replay <dead-letter id>|all]\n" +
        "the Redis address is the redis resource's endpoint on the Aspire dashboard; topics: registry-events, filing-events, publication-events, notification-events";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var options = CliOptions.Parse(args.AsSpan(1), Usage, error);
        if (options is null)
        {
            return 2;
        }

        if (!options.TryGetValue("redis", out var address) || !options.TryGetValue("topic", out var topic))
        {
            error.WriteLine($"--redis and --topic are required\n{Usage}");
            return 2;
        }

        var count = 100;
        if (options.TryGetValue("count", out var countText) && (!int.TryParse(countText, CultureInfo.InvariantCulture, out count) || count < 1))
        {
            error.WriteLine("--count must be a positive number");
            return 2;
        }

        await using var redis = await ConnectionMultiplexer.ConnectAsync($"{address},abortConnect=false,connectTimeout=3000");
        if (!redis.IsConnected)
        {
            error.WriteLine($"cannot reach Redis at {address}");
            return 1;
        }

        var db = redis.GetDatabase();
        var letters = await DeadLetterQueue.ListAsync(db, topic, count);
        if (!options.TryGetValue("replay", out var replay))
        {
            output.WriteLine($"{letters.Count} dead letter(s) on {topic} (oldest first{(letters.Count == count ? $", first {count}" : string.Empty)})");
            foreach (var letter in letters)
            {
                output.WriteLine($"{letter.Id}\t{letter.EventType ?? "(unreadable)"}\t{letter.EventId ?? "-"}\tattempts {letter.Attempts}\tby {letter.AppId ?? "?"}\t{letter.Error}");
            }

            return 0;
        }

        var chosen = replay == "all" ? [.. letters.Select(l => l.Id)] : new[] { replay };
        var failed = 0;
        foreach (var id in chosen)
        {
            try
            {
                var replayed = await DeadLetterQueue.ReplayAsync(db, topic, id);
                output.WriteLine(replayed is null ? $"{id}: no such dead letter (replayed already?)" : $"{id}: back on {topic} as {replayed}");
                failed += replayed is null ? 1 : 0;
            }
            catch (InvalidOperationException ex)
            {
                error.WriteLine($"{id}: {ex.Message}");
                failed++;
            }
        }

        return failed == 0 ? 0 : 1;
    }
}
