namespace Pilot.SharedKernel;

/// <summary>One page of a list: its items and the token of the next page (empty on the last).</summary>
/// <param name="Total">How many items the whole list holds, where that is cheap to know.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, string NextPageToken, int? Total = null);
