namespace Pilot.Scheduling;

/// <summary>A job given up after its last attempt, as kept in <see cref="SchedulingKeys.Dead"/>.</summary>
/// <param name="Payload">The job's JSON, as scheduled.</param>
/// <param name="Error">Why the last attempt failed.</param>
public sealed record DeadJob(string Key, string Kind, string Payload, DateTimeOffset DueAt, int Attempts, string Error, DateTimeOffset DeadAt);
