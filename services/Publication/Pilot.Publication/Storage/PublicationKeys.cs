namespace Pilot.Publication.Storage;

/// <summary>Publication's own Redis keys; no other service reads them.</summary>
internal static class PublicationKeys
{
    /// <summary>Hash: <c>record</c> (the publicity as JSON), <c>closesOn</c> (ISO date), <c>status</c>.</summary>
    public static string Publicity(string filingId) => $"publication:publicity:{filingId}";

    /// <summary>Sorted set of filing ids by the day their publicity closes (<see cref="DateOnly.DayNumber"/>), for closing them.</summary>
    public const string ByClosingDay = "publication:publicity-by-closing-day";

    /// <summary>Sorted set of a batch's filing ids whose publicity passed (by when it concluded, ms): the directory's candidates (R5).</summary>
    public static string ReadyForDirectory(string batchId) => $"publication:ready:{batchId}";
}
