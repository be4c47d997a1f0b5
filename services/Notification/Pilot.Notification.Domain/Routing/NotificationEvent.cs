namespace Pilot.Notification.Domain.Routing;

/// <summary>
/// An event as Notification reads it: its id and type, what it is about, the facts a template may name
/// (<see cref="Facts"/>, every value already text) and the lists of parties it names (<see cref="Lists"/>: the
/// organisations of a directory, the sponsors of an organisation).
/// </summary>
public sealed record NotificationEvent(
    string EventId,
    string EventType,
    DateTimeOffset OccurredAt,
    string About,
    IReadOnlyDictionary<string, string> Facts,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Lists)
{
    public string Fact(string name) =>
        Facts.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value)
            ? value
            : throw new InvalidOperationException($"event {EventId} ({EventType}) carries no '{name}'");

    public IReadOnlyList<string> List(string name) => Lists.TryGetValue(name, out var values) ? values : [];

    /// <summary>The same event with one more list (the sponsors the application looked up).</summary>
    public NotificationEvent WithList(string name, IReadOnlyList<string> values) =>
        this with { Lists = new Dictionary<string, IReadOnlyList<string>>(Lists, StringComparer.Ordinal) { [name] = values } };
}
