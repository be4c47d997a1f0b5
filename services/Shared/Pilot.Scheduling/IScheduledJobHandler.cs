namespace Pilot.Scheduling;

/// <summary>
/// Runs one kind of job. Read through the service's own storage and write only by handing writes to
/// <see cref="ScheduledJobContext{TJob}.Writes"/>: they commit in one step with the job's removal, and only while
/// this runner still holds the job, so the job's effect happens once. Throw to have the job retried.
/// </summary>
public interface IScheduledJobHandler<TJob>
{
    Task HandleAsync(ScheduledJobContext<TJob> context, CancellationToken cancellationToken);
}
