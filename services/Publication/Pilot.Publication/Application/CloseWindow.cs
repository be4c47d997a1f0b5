namespace Pilot.Publication.Application;

/// <summary>The job that ends an entry's publicity window at its closing instant.</summary>
public sealed record CloseWindow(string EntryId)
{
    /// <summary>The job's kind, as stored with it: keep it when renaming the type.</summary>
    public const string Kind = "publicity-window-close";

    /// <summary>One close per entry: scheduling it again (a new round of publicity) replaces the earlier one.</summary>
    public static string KeyFor(string entryId) => $"close-window:{entryId}";
}
