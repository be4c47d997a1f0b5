namespace Pilot.FactCopies;

/// <summary>
/// The kinds an app declared and the events each follows, kept while the services are configured so that two
/// declarations cannot share keys or fight over one fact.
/// </summary>
internal sealed class FactCopyCatalog
{
    private readonly Dictionary<string, Type> _kinds = new(StringComparer.Ordinal);
    private readonly HashSet<(string Kind, Type Event)> _rules = [];
    private readonly HashSet<Type> _handledEvents = [];

    public void AddKind(string kind, Type factType)
    {
        if (string.IsNullOrEmpty(kind) || !kind.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
        {
            // Kinds are part of the keys: no ':' keeps one kind's keys from ever being another's.
            throw new ArgumentException($"A copied fact kind is lower-case letters, digits and '-', not '{kind}'.", nameof(kind));
        }

        if (_kinds.TryGetValue(kind, out var existing))
        {
            throw new InvalidOperationException($"The fact copy '{kind}' is declared twice ({existing.Name} and {factType.Name}).");
        }

        if (_kinds.ContainsValue(factType))
        {
            throw new InvalidOperationException($"{factType.Name} is already copied under another kind; IFactCopy<{factType.Name}> would be ambiguous.");
        }

        _kinds.Add(kind, factType);
    }

    public void AddRule(string kind, Type eventType)
    {
        if (!_rules.Add((kind, eventType)))
        {
            throw new InvalidOperationException($"The fact copy '{kind}' follows {eventType.Name} twice; one function must say what the event does to it.");
        }
    }

    /// <summary>True the first time an event type is followed by any kind: the bus takes one handler per event type.</summary>
    public bool FirstRuleFor(Type eventType) => _handledEvents.Add(eventType);
}
