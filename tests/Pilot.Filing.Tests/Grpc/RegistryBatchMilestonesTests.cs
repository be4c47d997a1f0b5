using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using Pilot.Filing.Batches;
using Pilot.Filing.Registry;
using Pilot.Protos.Registry;

namespace Pilot.Filing.Tests.Grpc;

/// <summary>Batch dates (R8) come from the Registry, which owns batches, asked with the caller's own token.</summary>
public sealed class RegistryBatchMilestonesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(8)));
    private readonly RegistryBatchMilestones.Answers answers = new();

    [Fact]
    public async Task The_Registrys_batch_gives_the_three_milestones()
    {
        var registry = new FakeRegistry(Batch2020());

        var milestones = await Source(registry).FindAsync("2020-1", Ct);

        Assert.NotNull(milestones);
        Assert.Equal(("2020-1", new DateOnly(2020, 9, 30), new DateOnly(2020, 10, 10), new DateOnly(2020, 11, 15)),
            (milestones.BatchId, milestones.Plan, milestones.FilingGuidance, milestones.ImplementationAndPublicity));
        Assert.Equal("Bearer the-callers-token", registry.SeenAuthorization);
        Assert.Equal("2020-1", registry.SeenBatchId);
    }

    [Fact]
    public async Task An_answer_is_kept_for_a_minute_then_asked_again()
    {
        var registry = new FakeRegistry(Batch2020());
        var source = Source(registry);

        await source.FindAsync("2020-1", Ct);
        clock.Advance(RegistryBatchMilestones.KeepFor - TimeSpan.FromSeconds(1));
        await source.FindAsync("2020-1", Ct);
        Assert.Equal(1, registry.Calls);

        clock.Advance(TimeSpan.FromSeconds(2));
        await source.FindAsync("2020-1", Ct);
        Assert.Equal(2, registry.Calls);
    }

    [Fact]
    public async Task An_unknown_batch_is_none_and_an_unreachable_Registry_is_unavailable()
    {
        var unknown = new FakeRegistry(new RpcException(new Status(StatusCode.NotFound, "there is no batch x")));
        Assert.Null(await Source(unknown).FindAsync("x", Ct));
        Assert.Null(await Source(unknown).FindAsync("x", Ct));
        Assert.Equal(2, unknown.Calls);

        var down = new FakeRegistry(new RpcException(new Status(StatusCode.Unavailable, "connection refused")));
        var error = await Assert.ThrowsAsync<RpcException>(() => Source(down).FindAsync("2021", Ct));
        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Contains("batch 2021", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_batch_named_in_configuration_is_answered_without_the_Registry()
    {
        var registry = new FakeRegistry(new RpcException(new Status(StatusCode.Unavailable, "not running")));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Pilot:Batches:local:Plan"] = "2027-01-10",
            ["Pilot:Batches:local:FilingGuidance"] = "2027-02-10",
            ["Pilot:Batches:local:ImplementationAndPublicity"] = "2027-03-10",
        }).Build();

        var milestones = await Source(registry, configuration).FindAsync("local", Ct);

        Assert.Equal(new DateOnly(2027, 2, 10), milestones?.FilingGuidance);
        Assert.Equal(0, registry.Calls);
    }

    private static Batch Batch2020() => new()
    {
        Id = "2020-1",
        Name = "2020年第一批",
        Status = BatchStatus.Open,
        Milestones = new Milestones { PlanStandardsAndFirstList = "2020-09-30", LocalFilingGuidance = "2020-10-10", ImplementationPublicityAndDirectory = "2020-11-15" },
    };

    private RegistryBatchMilestones Source(FakeRegistry registry, IConfiguration? configuration = null)
    {
        var http = new DefaultHttpContext();
        http.Request.Headers.Authorization = "Bearer the-callers-token";
        return new RegistryBatchMilestones(
            registry,
            new CallerToken(new HttpContextAccessor { HttpContext = http }),
            new ConfiguredBatchMilestones(configuration ?? new ConfigurationBuilder().Build()),
            answers,
            clock);
    }

    private sealed class FakeRegistry : Protos.Registry.Registry.RegistryClient
    {
        private readonly Batch? batch;
        private readonly RpcException? error;

        public FakeRegistry(Batch batch) => this.batch = batch;

        public FakeRegistry(RpcException error) => this.error = error;

        public int Calls { get; private set; }

        public string? SeenAuthorization { get; private set; }

        public string? SeenBatchId { get; private set; }

        public override AsyncUnaryCall<Batch> GetBatchAsync(GetBatchRequest request, Metadata headers = null!, DateTime? deadline = null, CancellationToken cancellationToken = default)
        {
            Calls++;
            SeenBatchId = request.BatchId;
            SeenAuthorization = headers?.GetValue("authorization");
            var reply = error is null ? Task.FromResult(batch!) : Task.FromException<Batch>(error);
            return new AsyncUnaryCall<Batch>(reply, Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });
        }
    }
}
