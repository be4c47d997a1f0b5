namespace Pilot.Filing.Domain.Deadlines;

/// <summary>An item that is not done while its milestone is near or past.</summary>
/// <param name="Item">The item.</param>
/// <param name="DueDate">Its last on-time day.</param>
/// <param name="Today">The day the query was asked for, Beijing time.</param>
/// <param name="WorkingDaysLeft">
/// Working days after today up to and including the due day: 0 when no working day remains before the
/// deadline, negative (working days overdue) once the due day has passed.
/// </param>
public sealed record Reminder(TrackedItem Item, DateOnly DueDate, DateOnly Today, int WorkingDaysLeft)
{
    public bool IsOverdue => Today > DueDate;
}
