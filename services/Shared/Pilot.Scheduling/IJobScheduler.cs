using Pilot.Storage;

namespace Pilot.Scheduling;

/// <summary>
/// "At <c>dueAt</c>, run this job once." A job is named by its key within the app: scheduling a key again replaces
/// its due time and payload, and a job that is running when it is replaced or cancelled commits nothing.
/// </summary>
public interface IJobScheduler
{
    /// <summary>
    /// Adds the job to <paramref name="writes"/>, so it is scheduled exactly when the caller's commit holds (a state
    /// change and the job that follows it up land together or not at all). <typeparamref name="TJob"/> must be
    /// registered with <c>AddScheduledJob</c>; it is stored as JSON (web defaults).
    /// </summary>
    void Schedule<TJob>(IStateWrites writes, string jobKey, DateTimeOffset dueAt, TJob job);

    /// <summary>Adds the job's removal to <paramref name="writes"/>; cancelling a key with no job does nothing.</summary>
    void Cancel(IStateWrites writes, string jobKey);

    /// <summary>Schedules the job in a commit of its own.</summary>
    Task ScheduleAsync<TJob>(string jobKey, DateTimeOffset dueAt, TJob job);

    /// <summary>Cancels the job in a commit of its own.</summary>
    Task CancelAsync(string jobKey);
}
