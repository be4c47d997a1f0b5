using System.Diagnostics;
using Grpc.Core;
using Pilot.Protos.Registry;
using Pilot.SharedKernel;

namespace Pilot.Registry.Tests.Grpc;

/// <summary>Redis gone: a call answers UNAVAILABLE within about a second, and works again once Redis is back.</summary>
public sealed class RedisDownTests(RedisDownTests.Factory factory) : IClassFixture<RedisDownTests.Factory>
{
    [Fact]
    public async Task A_call_while_Redis_is_down_answers_unavailable_fast_and_one_after_it_is_back_succeeds()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = factory.Client();
        var centre = factory.As(Roles.NationalCentre);
        await client.GetBatchAsync(new GetBatchRequest { BatchId = "none" }, centre).ResponseAsync.ContinueWith(_ => { }, ct, TaskContinuationOptions.None, TaskScheduler.Default);

        factory.RedisServer.Kill();
        var watch = Stopwatch.StartNew();
        var down = await Assert.ThrowsAsync<RpcException>(() => client.OpenBatchAsync(new OpenBatchRequest
        {
            RequestId = "down-1", BatchId = "down", Name = "停机时的批次",
            Milestones = new Milestones { PlanStandardsAndFirstList = "2026-09-30", LocalFilingGuidance = "2026-10-10", ImplementationPublicityAndDirectory = "2026-11-15" },
        }, centre).ResponseAsync);
        watch.Stop();

        Assert.Equal(StatusCode.Unavailable, down.StatusCode);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"answered after {watch.Elapsed}");

        await factory.RedisServer.RestartAsync();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        StatusCode status;
        do
        {
            try
            {
                await client.ListBatchesAsync(new ListBatchesRequest(), centre);
                status = StatusCode.OK;
            }
            catch (RpcException error)
            {
                status = error.StatusCode;
                await Task.Delay(200, ct);
            }
        }
        while (status != StatusCode.OK && DateTime.UtcNow < deadline);

        Assert.Equal(StatusCode.OK, status);
    }

    /// <summary>A Registry of its own: the test kills its Redis.</summary>
    public sealed class Factory : Pilot.Testing.Services.RedisServiceFactory<Program>;
}
