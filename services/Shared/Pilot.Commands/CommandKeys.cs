namespace Pilot.Commands;

/// <summary>The pipeline's keys, under the service's own prefix.</summary>
public static class CommandKeys
{
    /// <summary>String: the stored answer to one caller's request id (<see cref="StoredAnswers"/>), expiring after the retention.</summary>
    public static string Answer(string appId, string subject, string requestId) => $"{appId}:request:{subject}:{requestId}";
}
