namespace Pilot.Filing.IntegrationEvents;

/// <summary>How late an item arrived, as the events carry it.</summary>
public sealed record EventLateness(DateOnly DueDate, DateOnly SubmittedOn, int CalendarDaysLate, int WorkingDaysLate)
{
    public bool IsLate => CalendarDaysLate > 0;
}
