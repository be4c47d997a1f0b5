namespace Pilot.Filing.Application;

/// <summary>What ListDueItems asks: the batch, how many working days ahead, whether overdue items count, and which day it is.</summary>
/// <param name="Today">The day to plan from; null for today in China.</param>
internal sealed record DueItemsQuery(string BatchId, int WithinWorkingDays, bool IncludeOverdue, DateOnly? Today);
