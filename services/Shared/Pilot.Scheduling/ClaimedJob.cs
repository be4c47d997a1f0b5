namespace Pilot.Scheduling;

/// <summary>A job this runner holds until <see cref="LeaseEndsAt"/>, as the claim script read it.</summary>
/// <param name="Token">The claim's token, unique to this claim: the job's commits hold only while the hash still carries it.</param>
/// <param name="RunnableSince">Its score when claimed: the due time, a retry time, or when an abandoned claim ran out.</param>
/// <param name="Kind">Null, and <paramref name="Payload"/> empty, only if something other than the scheduler wrote the hash.</param>
/// <param name="LastError">The error of the attempt before, if it failed.</param>
internal sealed record ClaimedJob(
    string Key,
    string Token,
    int Attempt,
    DateTimeOffset RunnableSince,
    DateTimeOffset LeaseEndsAt,
    string? Kind,
    string Payload,
    DateTimeOffset DueAt,
    string? Trace,
    string? LastError);
