using System.Diagnostics;
using System.Net;

namespace Pilot.Registry.Tests.Grpc;

/// <summary>With Redis killed, /health says 503 (Unhealthy) within about the Redis timeout (1.5 s); it took 5–6 s.</summary>
public sealed class HealthWithRedisDownTests(HealthWithRedisDownTests.Factory factory) : IClassFixture<HealthWithRedisDownTests.Factory>
{
    [Fact]
    public async Task Health_answers_503_within_about_the_redis_timeout_once_redis_is_gone()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/health", UriKind.Relative), ct)).StatusCode);

        factory.RedisServer.Kill();
        var watch = Stopwatch.StartNew();
        var answer = await http.GetAsync(new Uri("/health", UriKind.Relative), ct);
        watch.Stop();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2.5), $"answered after {watch.Elapsed}");
        Assert.Contains("Unhealthy", await answer.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    /// <summary>A Registry of its own: the test kills its Redis.</summary>
    public sealed class Factory : Pilot.Testing.Services.RedisServiceFactory<Program>;
}
