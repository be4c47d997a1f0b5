using System.Text.Json;

namespace Pilot.Scheduling.Tests.Support;

internal static class DeadJobs
{
    public static async Task<DeadJob> ReadAsync(SchedulerHost host, string jobKey)
    {
        var json = await host.Database.HashGetAsync(SchedulingKeys.Dead(host.AppId), jobKey);
        Assert.False(json.IsNull, $"job '{jobKey}' should be dead-lettered");
        return JsonSerializer.Deserialize<DeadJob>((string)json!, JsonSerializerOptions.Web)!;
    }
}
