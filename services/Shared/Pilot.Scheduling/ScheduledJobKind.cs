using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pilot.Storage;

namespace Pilot.Scheduling;

/// <summary>A registered kind name → job type → handler, with the typed plumbing hidden behind it.</summary>
internal abstract class ScheduledJobKind(string name)
{
    public string Name { get; } = name;

    public abstract Type JobType { get; }

    public abstract Type HandlerType { get; }

    /// <exception cref="UnreadableJobException">The payload does not match the job type.</exception>
    public abstract Task InvokeAsync(IServiceProvider scope, ClaimedJob job, string appId, DateTimeOffset now, IStateWrites writes, CancellationToken cancellationToken);
}

internal sealed class ScheduledJobKind<TJob, THandler>(string name) : ScheduledJobKind(name)
    where THandler : class, IScheduledJobHandler<TJob>
{
    public override Type JobType => typeof(TJob);

    public override Type HandlerType => typeof(THandler);

    public override Task InvokeAsync(IServiceProvider scope, ClaimedJob job, string appId, DateTimeOffset now, IStateWrites writes, CancellationToken cancellationToken)
    {
        var payload = Read(job);
        var handler = scope.GetRequiredService<THandler>();
        var context = new ScheduledJobContext<TJob>(appId, payload, job.Key, job.DueAt, job.Attempt, now, writes);
        return handler.HandleAsync(context, cancellationToken);
    }

    private TJob Read(ClaimedJob job)
    {
        try
        {
            return JsonSerializer.Deserialize<TJob>(job.Payload, JobJson.Options)
                ?? throw new UnreadableJobException($"Job '{job.Key}' of kind '{Name}' has a null payload.");
        }
        catch (JsonException ex)
        {
            throw new UnreadableJobException($"Job '{job.Key}' payload does not match {typeof(TJob).Name}.", ex);
        }
    }
}
