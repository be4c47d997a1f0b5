namespace Pilot.Filing.Domain.Deadlines;

/// <summary>An item someone owes for a batch, as storage lists it for the reminder query.</summary>
/// <param name="ItemId">Storage's id of the item (package id, filing id, …).</param>
/// <param name="Kind">Which milestone it belongs to.</param>
/// <param name="ResponsibleOrgId">Who to remind.</param>
/// <param name="Done">Whether it has been handed in (accepted package, submitted filing, …).</param>
public sealed record TrackedItem(string ItemId, TrackedItemKind Kind, string ResponsibleOrgId, bool Done);
