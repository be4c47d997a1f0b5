using System.Security.Cryptography;
using System.Text;

namespace Pilot.SharedKernel;

/// <summary>
/// The one rule for the CloudEvents ids Pilot mints. Request ids are unique only per caller, so an id is derived from
/// the app, the caller, the request and the event's place among the command's events: a retried command commits its
/// events under the ids of its first attempt, and two callers' requests never share one (a consumer deduplicating
/// on the id would otherwise drop the second caller's event).
/// </summary>
public static class EventIds
{
    /// <summary>The id of the <paramref name="index"/>th event of <paramref name="callerSubject"/>'s request <paramref name="requestId"/>.</summary>
    public static string ForCommand(string appId, string callerSubject, string requestId, int index) =>
        Derive($"{appId}\n{callerSubject}\n{requestId}\n{index}");

    /// <summary>The id of the <paramref name="index"/>th event an app publishes in reaction to the event <paramref name="causeId"/>.</summary>
    public static string ForReaction(string appId, string causeId, int index) =>
        Derive($"{appId}\nreaction\n{causeId}\n{index}");

    /// <summary>
    /// The id of the <paramref name="index"/>th event of one run of a scheduled job: its key and its due time, so a key
    /// scheduled again (a window reopened) publishes under new ids while a retried run keeps its own.
    /// </summary>
    public static string ForJob(string appId, string jobKey, DateTimeOffset dueAt, int index) =>
        Derive($"{appId}\njob\n{jobKey}\n{dueAt.ToUnixTimeMilliseconds()}\n{index}");

    private static string Derive(string seed) =>
        new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(seed)).AsSpan(0, 16)).ToString();
}
