using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Pilot.Testing;
using StackExchange.Redis;

namespace Pilot.Scheduling.Tests.Support;

/// <summary>
/// One replica of an app with the scheduler wired as in production, over the shared Redis and a fake clock. Built,
/// not started: tests run passes themselves unless they start the hosted loop.
/// </summary>
internal sealed class SchedulerHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Epoch = new(2030, 1, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly IHost _host;

    private SchedulerHost(IHost host, string appId, IDatabase database)
    {
        _host = host;
        AppId = appId;
        Database = database;
    }

    public string AppId { get; }

    public IDatabase Database { get; }

    public IServiceProvider Services => _host.Services;

    public IJobScheduler Scheduler => Services.GetRequiredService<IJobScheduler>();

    public IScheduledJobRunner Runner => Services.GetRequiredService<IScheduledJobRunner>();

    public string DueKey => SchedulingKeys.Due(AppId);

    public string CountsKey => $"{AppId}:counts";

    public static string NewAppId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    public static FakeTimeProvider NewClock() => new(Epoch);

    public static SchedulerHost Build(
        RedisServerFixture redis,
        string appId,
        FakeTimeProvider clock,
        Action<SchedulingOptions>? options = null,
        Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<IConnectionMultiplexer>(redis.Multiplexer);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.AddPilotScheduling(appId, o =>
        {
            o.Lease = TimeSpan.FromSeconds(30);
            options?.Invoke(o);
        });
        builder.Services.AddSingleton<Gate>();
        builder.Services.AddSingleton<AttemptLog>();
        builder.Services.AddScheduledJob<CountJob, CountHandler>("count");
        builder.Services.AddScheduledJob<BlockingJob, BlockingHandler>("block");
        builder.Services.AddScheduledJob<WaitingJob, WaitingHandler>("wait");
        builder.Services.AddScheduledJob<FailingJob, FailingHandler>("fail");
        builder.Services.AddScheduledJob<ConditionFailingJob, ConditionFailingHandler>("condition-fails");
        builder.Services.AddScheduledJob<RecurringJob, RecurringHandler>("recurring");
        services?.Invoke(builder.Services);
        return new SchedulerHost(builder.Build(), appId, redis.Database);
    }

    public Task StartAsync() => _host.StartAsync(TestContext.Current.CancellationToken);

    public Task StopAsync() => _host.StopAsync(TestContext.Current.CancellationToken);

    public Task<int> RunDueAsync() => Runner.RunDueAsync(TestContext.Current.CancellationToken);

    public Task ScheduleCountAsync(string jobKey, DateTimeOffset dueAt, string? name = null) =>
        Scheduler.ScheduleAsync(jobKey, dueAt, new CountJob(CountsKey, name ?? jobKey));

    /// <summary>How often the count job named <paramref name="name"/> took effect (0 if never).</summary>
    public async Task<long> CountAsync(string name) => (long?)await Database.HashGetAsync(CountsKey, name) ?? 0;

    public async Task<bool> JobExistsAsync(string jobKey) =>
        await Database.KeyExistsAsync(SchedulingKeys.Job(AppId, jobKey)) || await Database.SortedSetScoreAsync(DueKey, jobKey) is not null;

    /// <summary>When the job may next be claimed, by its score.</summary>
    public async Task<DateTimeOffset?> NextRunAsync(string jobKey) =>
        await Database.SortedSetScoreAsync(DueKey, jobKey) is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds((long)ms) : null;

    public async ValueTask DisposeAsync()
    {
        if (_host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }
    }
}
