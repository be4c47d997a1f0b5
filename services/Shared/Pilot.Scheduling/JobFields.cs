namespace Pilot.Scheduling;

/// <summary>The fields of a job's hash; the claim script reads them by these names too.</summary>
internal static class JobFields
{
    public const string Kind = "kind";
    public const string Payload = "payload";
    public const string DueAt = "due";
    public const string Attempt = "attempt";
    public const string Claim = "claim";
    public const string Error = "error";

    /// <summary>The traceparent of whoever scheduled the job, linked from the job's own span.</summary>
    public const string Trace = "trace";
}
