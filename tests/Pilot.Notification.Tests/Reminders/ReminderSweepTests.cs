using Microsoft.Extensions.Time.Testing;
using Pilot.Notification.Domain.Reminders;
using Pilot.Notification.Tests.Support;
using Pilot.SharedKernel;
using Pilot.Testing;
using StackExchange.Redis;
using Proto = Pilot.Protos.Notification;

namespace Pilot.Notification.Tests.Reminders;

/// <summary>
/// Reminders (R8) on a fake clock over a real redis-server: two replicas sweep a day once between them, a replica
/// started after days of downtime catches up, and an item that is done is reminded of no more.
/// </summary>
public sealed class ReminderSweepTests : IAsyncLifetime
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2020, 9, 24, 10, 0, 0, Beijing));
    private readonly FakeDueItems dueItems = new();
    private RedisServer redis = null!;
    private ConnectionMultiplexer multiplexer = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        redis = await RedisServer.StartAsync();
        multiplexer = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        await multiplexer.DisposeAsync();
        await redis.DisposeAsync();
    }

    [Fact]
    public async Task Two_replicas_send_each_reminder_once_and_a_replica_started_after_downtime_catches_up()
    {
        // Due Monday 12 October 2020: reminded on 25 September (7 working days before) and Saturday 10 October (a make-up
        // working day, 1 before), overdue on 13 October.
        dueItems.Open(new OpenItem("pkg-mot", "MaterialPackage", "dept-mot", "2020", new DateOnly(2020, 10, 12)));
        dueItems.Open(new OpenItem("pkg-done", "MaterialPackage", "dept-done", "2020", new DateOnly(2020, 10, 12)));

        var first = new NotificationService(redis, clock, dueItems);
        var second = new NotificationService(redis, clock, dueItems);
        _ = first.Server;
        _ = second.Server;
        await OpenBatchAsync();

        clock.SetUtcNow(new DateTimeOffset(2020, 9, 25, 9, 0, 1, Beijing));
        await Task.WhenAll(first.RunAllDueAsync(), second.RunAllDueAsync());

        var mot = await InboxAsync(first, "dept-mot");
        var reminder = Assert.Single(mot.Messages);
        Assert.Equal("pilot.notification.reminder.v1", reminder.EventType);
        Assert.Equal("【提醒】材料包提交将于2020年10月12日到期（还有7个工作日）", reminder.Subject);
        Assert.Single((await InboxAsync(second, "dept-done")).Messages);

        // The second item is handed in; both replicas go down for more than two weeks.
        dueItems.Done("pkg-done");
        await first.DisposeAsync();
        await second.DisposeAsync();
        clock.SetUtcNow(new DateTimeOffset(2020, 10, 13, 11, 0, 0, Beijing));

        await using var restarted = new NotificationService(redis, clock, dueItems);
        _ = restarted.Server;
        await restarted.RunAllDueAsync();
        await restarted.RunAllDueAsync();

        mot = await InboxAsync(restarted, "dept-mot");
        Assert.Equal(
            ["pilot.notification.overdue.v1", "pilot.notification.reminder.v1", "pilot.notification.reminder.v1"],
            mot.Messages.Select(m => m.EventType).Order(StringComparer.Ordinal));
        Assert.Contains(mot.Messages, m => m.Subject.Contains("还有1个工作日", StringComparison.Ordinal));
        Assert.Single((await InboxAsync(restarted, "dept-done")).Messages);
        var centre = await restarted.Client().ListInboxAsync(new Proto.ListInboxRequest(), restarted.AsCentre(), cancellationToken: Ct);
        Assert.Equal("pilot.notification.overdue.v1", Assert.Single(centre.Messages).EventType);

        // Every day of the downtime was looked at, each once, and the next sweep waits for tomorrow.
        var asked = dueItems.Asked.Select(a => a.Today).ToList();
        Assert.Equal(asked.Distinct().Count(), asked.Count);
        Assert.Contains(new DateOnly(2020, 10, 10), asked);
        Assert.Equal(new DateOnly(2020, 10, 13), asked.Max());
        Assert.Equal("2020-10-13", (string?)await multiplexer.GetDatabase().StringGetAsync("notification:reminders:swept-through"));
        var next = await multiplexer.GetDatabase().SortedSetScoreAsync("notification:jobs:due", "reminders:sweep");
        Assert.Equal(new DateTimeOffset(2020, 10, 14, 9, 0, 0, Beijing).ToUnixTimeMilliseconds(), next);
    }

    [Fact]
    public async Task Before_the_sending_time_a_day_is_not_swept_and_a_closed_batch_is_not_reminded_of()
    {
        dueItems.Open(new OpenItem("pkg-mot", "MaterialPackage", "dept-mot", "2020", new DateOnly(2020, 10, 12)));
        await using var service = new NotificationService(redis, clock, dueItems);
        _ = service.Server;
        await OpenBatchAsync();

        clock.SetUtcNow(new DateTimeOffset(2020, 9, 25, 8, 59, 0, Beijing));
        await service.RunAllDueAsync();
        Assert.Empty((await InboxAsync(service, "dept-mot")).Messages);

        await Envelopes.PublishAsync(multiplexer.GetDatabase(), "registry-events", "pilot.registry.batch-closed.v1", "closed-2020", new { batchId = "2020", name = "2020年第一批" });
        await Eventually.HoldsAsync(async () => !await multiplexer.GetDatabase().HashExistsAsync("notification:batches:open", "2020"), "the batch was closed");
        clock.SetUtcNow(new DateTimeOffset(2020, 9, 25, 9, 30, 0, Beijing));
        await service.RunAllDueAsync();

        Assert.Empty((await InboxAsync(service, "dept-mot")).Messages);
        Assert.Empty(dueItems.Asked);
    }

    private async Task OpenBatchAsync()
    {
        await Envelopes.PublishAsync(multiplexer.GetDatabase(), "registry-events", "pilot.registry.batch-opened.v1", "opened-2020", new
        {
            batchId = "2020",
            name = "2020年第一批",
            planStandardsAndFirstListDue = "2020-09-30",
            localFilingGuidanceDue = "2020-10-10",
            implementationPublicityAndDirectoryDue = "2020-11-15",
        });
        await Eventually.HoldsAsync(async () => await multiplexer.GetDatabase().HashExistsAsync("notification:batches:open", "2020"), "the batch is known as open");
    }

    private static Task<Proto.ListInboxResponse> InboxAsync(NotificationService service, string org) =>
        service.Client().ListInboxAsync(new Proto.ListInboxRequest(), service.As(Roles.Department, org: org), cancellationToken: Ct).ResponseAsync;
}
