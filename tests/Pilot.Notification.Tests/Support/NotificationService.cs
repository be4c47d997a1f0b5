using Grpc.Core;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Pilot.Notification.Reminders;
using Pilot.Scheduling;
using Pilot.SharedKernel;
using Pilot.Testing;
using Pilot.Testing.Services;
using StackExchange.Redis;
using Proto = Pilot.Protos.Notification;

namespace Pilot.Notification.Tests.Support;

/// <summary>
/// One Notification instance in process over a given redis-server, on a fake clock, with Filing's open items faked
/// and the scheduler's own polling loop removed: tests run scheduler passes themselves (<see cref="RunDueAsync"/>),
/// so nothing happens on its own time. Two instances over one Redis are two replicas.
/// </summary>
public sealed class NotificationService(RedisServer redis, FakeTimeProvider clock, FakeDueItems? dueItems = null, IReadOnlyDictionary<string, string?>? settings = null)
    : ServiceFactory<Program>(redis.ConnectionString)
{
    public FakeTimeProvider Clock => clock;

    public FakeDueItems DueItems { get; } = dueItems ?? new FakeDueItems();

    public Proto.Notification.NotificationClient Client() => new(CreateChannel());

    public Metadata As(string role, string? region = null, string? org = null, string? subject = null) =>
        Bearer.Header(Tokens.Issue(role, region: region, org: org, subject: subject ?? $"{role}-{org ?? region ?? "user"}"));

    public Metadata AsOrganisation(string org) => As(Roles.EvaluationOrg, org: org);

    public Metadata AsBureau(string region) => As(Roles.ProvincialHr, region: region);

    public Metadata AsCentre() => As(Roles.NationalCentre);

    /// <summary>One pass of the scheduler at the fake clock's now.</summary>
    public Task<int> RunDueAsync() => Services.GetRequiredService<IScheduledJobRunner>().RunDueAsync(TestContext.Current.CancellationToken);

    /// <summary>Runs scheduler passes until one finds nothing due.</summary>
    public async Task RunAllDueAsync()
    {
        for (var pass = 0; pass < 20 && await RunDueAsync() > 0; pass++)
        {
        }
    }

    protected override void ConfigureService(IWebHostBuilder builder)
    {
        builder.UseSetting("Pilot:Notification:Webhooks:AllowPrivateNetworks", "true");
        builder.UseSetting("Pilot:Notification:MaxAttempts", "3");
        builder.UseSetting("Pilot:Notification:FirstRetryDelay", "00:00:02");
        builder.UseSetting("Pilot:Notification:MaxRetryDelay", "00:00:30");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(clock);
            services.RemoveAll<IDueItemsSource>();
            services.AddSingleton<IDueItemsSource>(DueItems);
            foreach (var polling in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "ScheduledJobPolling").ToList())
            {
                services.Remove(polling);
            }
        });
    }
}

/// <summary>A redis-server and one Notification instance over it, for a test class.</summary>
public class NotificationFixture : IAsyncLifetime
{
    private ConnectionMultiplexer? multiplexer;

    public RedisServer RedisServer { get; private set; } = null!;

    public NotificationService Service { get; private set; } = null!;

    public IDatabase Redis => multiplexer!.GetDatabase();

    /// <summary>The fake clock starts at the real now, so signatures pass a receiver's timestamp tolerance.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public async ValueTask InitializeAsync()
    {
        RedisServer = await RedisServer.StartAsync();
        multiplexer = await ConnectionMultiplexer.ConnectAsync(RedisServer.ConnectionString);
        Service = new NotificationService(RedisServer, Clock, settings: Settings);
        _ = Service.Server;
    }

    public virtual async ValueTask DisposeAsync()
    {
        await Service.DisposeAsync();
        await multiplexer!.DisposeAsync();
        await RedisServer.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
