namespace Pilot.Scheduling;

/// <summary>The app's job kinds, found by name when running and by job type when scheduling.</summary>
internal sealed class ScheduledJobKinds
{
    private readonly Dictionary<string, ScheduledJobKind> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, ScheduledJobKind> _byType = [];

    public ScheduledJobKinds(IEnumerable<ScheduledJobKind> kinds)
    {
        foreach (var kind in kinds)
        {
            if (!_byName.TryAdd(kind.Name, kind))
            {
                throw new InvalidOperationException(
                    $"Job kind '{kind.Name}' is registered twice ({_byName[kind.Name].HandlerType.Name} and {kind.HandlerType.Name}).");
            }

            // The stored kind name is what picks the handler, so one job type under two names would be ambiguous.
            if (!_byType.TryAdd(kind.JobType, kind))
            {
                throw new InvalidOperationException(
                    $"Job type {kind.JobType.Name} is registered as both '{_byType[kind.JobType].Name}' and '{kind.Name}'.");
            }
        }
    }

    public ScheduledJobKind? Find(string name) => _byName.GetValueOrDefault(name);

    public ScheduledJobKind For(Type jobType) =>
        _byType.GetValueOrDefault(jobType)
        ?? throw new InvalidOperationException($"{jobType.Name} is not a registered job; register it with AddScheduledJob<{jobType.Name}, THandler>(kind).");
}
