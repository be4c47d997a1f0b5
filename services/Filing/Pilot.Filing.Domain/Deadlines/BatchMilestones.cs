using Pilot.SharedKernel;

namespace Pilot.Filing.Domain.Deadlines;

/// <summary>
/// The three dates of a batch (五、时间安排). Each is the last calendar day, in Beijing time, on which an
/// item of that milestone counts as on time.
/// </summary>
/// <param name="BatchId">The batch these dates belong to.</param>
/// <param name="Plan">Pilot work plan, selection standards and first list of organisations (9月底).</param>
/// <param name="FilingGuidance">Local filing of branches (10月上旬).</param>
/// <param name="ImplementationAndPublicity">Implementation plans, publicity and directory (11月中旬).</param>
public sealed record BatchMilestones(string BatchId, DateOnly Plan, DateOnly FilingGuidance, DateOnly ImplementationAndPublicity)
{
    /// <summary>The 2020 batch of 中就培函〔2020〕41号: 30 September, 10 October, 15 November 2020.</summary>
    public static readonly BatchMilestones Batch2020 =
        new("2020", new DateOnly(2020, 9, 30), new DateOnly(2020, 10, 10), new DateOnly(2020, 11, 15));

    /// <summary>
    /// Milestones for a new batch, refusing dates out of order or outside the plausible range
    /// (not before the pilot began, not more than <see cref="CommandDates.MaxYearsAhead"/> years ahead).
    /// </summary>
    public static BatchMilestones Create(string batchId, DateOnly plan, DateOnly filingGuidance, DateOnly implementationAndPublicity, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(batchId))
        {
            throw DomainException.Invalid("batch_id", "a batch needs an id", "R8");
        }

        CommandDates.EnsureScheduleDate(plan, "plan", today);
        CommandDates.EnsureScheduleDate(filingGuidance, "filing_guidance", today);
        CommandDates.EnsureScheduleDate(implementationAndPublicity, "implementation_and_publicity", today);
        if (filingGuidance < plan)
        {
            throw DomainException.Invalid("filing_guidance", "local filing cannot be due before the pilot work plan", "R8");
        }

        if (implementationAndPublicity < filingGuidance)
        {
            throw DomainException.Invalid("implementation_and_publicity", "implementation plans and publicity cannot be due before local filing", "R8");
        }

        return new BatchMilestones(batchId.Trim(), plan, filingGuidance, implementationAndPublicity);
    }

    /// <summary>The last on-time day for an item of <paramref name="kind"/>.</summary>
    public DateOnly DueDateOf(TrackedItemKind kind) => kind switch
    {
        TrackedItemKind.MaterialPackage => Plan,
        TrackedItemKind.LocalFiling => FilingGuidance,
        TrackedItemKind.ImplementationPlan => ImplementationAndPublicity,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown item kind"),
    };

    /// <summary>The instant the milestone of <paramref name="kind"/> passes: midnight after its due day, Beijing time.</summary>
    public DateTimeOffset DeadlineOf(TrackedItemKind kind) => WorkingDayCalendar.EndOfChinaDay(DueDateOf(kind));
}
