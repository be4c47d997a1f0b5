namespace Pilot.Publication.Application;

/// <summary>The job that ends a filing's publicity window at its closing instant.</summary>
public sealed record CloseWindow(string FilingId)
{
    /// <summary>The job's kind, as stored with it: keep it when renaming the type.</summary>
    public const string Kind = "publicity-window-close";

    /// <summary>One close per filing: scheduling it again (a window moved) replaces the earlier one.</summary>
    public static string KeyFor(string filingId) => $"close-window:{filingId}";
}
