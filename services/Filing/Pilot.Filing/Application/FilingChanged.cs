using Pilot.Filing.Domain.Filings;

namespace Pilot.Filing.Application;

/// <summary>One entry of a region's change stream: where it stands in the stream, what happened, and the filing after it.</summary>
/// <param name="Cursor">The entry's id, which a watch resumes after.</param>
/// <param name="Kind">The filing's status after the change: submitted (again), accepted or rejected.</param>
internal sealed record FilingChanged(string Cursor, FilingStatus Kind, FilingView Filing);
