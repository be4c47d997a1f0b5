using Pilot.Filing.Domain.Deadlines;

namespace Pilot.Filing.Application;

/// <summary>The open items of a batch due within the window, soonest first, as of <paramref name="Today"/>.</summary>
internal sealed record DueItems(string BatchId, DateOnly Today, IReadOnlyList<Reminder> Items);
