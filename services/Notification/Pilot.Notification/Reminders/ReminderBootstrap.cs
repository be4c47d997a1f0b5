using Pilot.Scheduling;
using StackExchange.Redis;

namespace Pilot.Notification.Reminders;

/// <summary>
/// Makes sure the daily sweep exists when the service starts. Only when it is missing: replacing a sweep that is
/// overdue (the service was down) would not lose days, since the sweep covers every day since the last one, but
/// leaving it keeps its place in the queue.
/// </summary>
internal sealed class ReminderBootstrap(IConnectionMultiplexer redis, IJobScheduler scheduler, TimeProvider clock, Microsoft.Extensions.Options.IOptions<NotificationOptions> options)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Reminders.Enabled)
        {
            return;
        }

        try
        {
            if (await redis.GetDatabase().SortedSetScoreAsync($"{NotificationExtensions.AppId}:jobs:due", SweepReminders.Key).ConfigureAwait(false) is null)
            {
                await scheduler.ScheduleAsync(SweepReminders.Key, SweepRemindersOnTime.NextRun(clock.GetUtcNow(), options.Value.Reminders.SendAt), new SweepReminders()).ConfigureAwait(false);
            }
        }
        catch (RedisException)
        {
            // Redis is not up yet; the next start schedules it. The service still serves its inbox once Redis is back.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
