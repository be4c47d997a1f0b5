namespace Pilot.Scheduling;

/// <summary>The Redis keys of an app's jobs.</summary>
public static class SchedulingKeys
{
    /// <summary>Sorted set: job key → the Unix time in milliseconds at which it may next be claimed.</summary>
    public static string Due(string appId) => $"{appId}:jobs:due";

    /// <summary>Hash: the job's kind, payload, due time, attempts, and the token of the claim running it.</summary>
    public static string Job(string appId, string jobKey) => $"{appId}:jobs:job:{jobKey}";

    /// <summary>Hash: job key → the <see cref="DeadJob"/> (JSON) of a job given up.</summary>
    public static string Dead(string appId) => $"{appId}:jobs:dead";
}
