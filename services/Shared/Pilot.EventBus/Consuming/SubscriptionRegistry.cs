namespace Pilot.EventBus.Consuming;

/// <summary>All handlers of this app, looked up by topic and CloudEvents type.</summary>
internal sealed class SubscriptionRegistry
{
    private readonly Dictionary<(string Topic, string Type), EventSubscription> _byKey = [];

    public SubscriptionRegistry(IEnumerable<EventSubscription> subscriptions)
    {
        foreach (var subscription in subscriptions)
        {
            // Two handlers for one event would share one dedupe marker, so the second would never run.
            if (!_byKey.TryAdd((subscription.Topic, subscription.EventType), subscription))
            {
                throw new InvalidOperationException(
                    $"Event type '{subscription.EventType}' on topic '{subscription.Topic}' has two handlers: " +
                    $"{_byKey[(subscription.Topic, subscription.EventType)].HandlerType.Name} and {subscription.HandlerType.Name}.");
            }
        }

        Topics = _byKey.Keys.Select(k => k.Topic).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Topics this app subscribes to, each once.</summary>
    public IReadOnlyList<string> Topics { get; }

    public EventSubscription? Find(string topic, string eventType) =>
        _byKey.GetValueOrDefault((topic, eventType));
}
