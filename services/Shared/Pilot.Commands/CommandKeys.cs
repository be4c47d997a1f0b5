namespace Pilot.Commands;

/// <summary>The pipeline's keys, under the service's own prefix.</summary>
public static class CommandKeys
{
    /// <summary>String: the stored answer to one caller's request id (<see cref="StoredAnswers"/>), expiring after the retention.</summary>
    public static string Answer(string appId, string subject, string requestId) => $"{appId}:request:{subject}:{requestId}";

    /// <summary>
    /// String: set when a refusal's traces (its audit record) were kept for this caller's request id and request, so a
    /// repeat of the same refused request is decided again but recorded once.
    /// </summary>
    public static string RefusalTraced(string appId, string subject, string requestId, string fingerprint) =>
        $"{appId}:refused:{subject}:{requestId}:{fingerprint}";
}
