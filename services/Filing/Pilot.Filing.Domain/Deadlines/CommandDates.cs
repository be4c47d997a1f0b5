using Pilot.SharedKernel;

namespace Pilot.Filing.Domain.Deadlines;

/// <summary>
/// Plausibility checks for dates that commands carry, so a typo such as 2200 or 0001 is refused at the
/// door instead of silently making an item years early or late.
/// </summary>
public static class CommandDates
{
    /// <summary>The pilot was announced in September 2020; nothing of it can be dated before 2020.</summary>
    public static readonly DateOnly PilotEpoch = new(2020, 1, 1);

    /// <summary>How far ahead a batch may be scheduled.</summary>
    public const int MaxYearsAhead = 5;

    /// <summary>A date on which something already happened (a letter signed, a filing issued).</summary>
    public static void EnsurePast(DateOnly date, string field, DateOnly today, DateOnly? notBefore = null)
    {
        var earliest = notBefore is { } bound && bound > PilotEpoch ? bound : PilotEpoch;
        if (date > today)
        {
            throw DomainException.Invalid(field, $"{date:yyyy-MM-dd} lies in the future (today is {today:yyyy-MM-dd} in Beijing)");
        }

        if (date < earliest)
        {
            throw DomainException.Invalid(field, $"{date:yyyy-MM-dd} is earlier than {earliest:yyyy-MM-dd}, the earliest possible date here");
        }
    }

    /// <summary>A date in a batch schedule: may lie ahead, but not absurdly far.</summary>
    public static void EnsureScheduleDate(DateOnly date, string field, DateOnly today)
    {
        var latest = today.AddYears(MaxYearsAhead);
        if (date < PilotEpoch || date > latest)
        {
            throw DomainException.Invalid(field, $"{date:yyyy-MM-dd} is outside {PilotEpoch:yyyy-MM-dd} … {latest:yyyy-MM-dd}", "R8");
        }
    }
}
