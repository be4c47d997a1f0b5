using System.Text.Json;

namespace Pilot.Samples.InfoPlatform.SidecarStandIn;

/// <summary>One programmatic subscription, as the app answers daprd's <c>GET /dapr/subscribe</c>.</summary>
public sealed record DaprSubscription(string PubsubName, string Topic, string Route, string? DeadLetterTopic);

public static class DaprSubscriptions
{
    /// <summary>
    /// Reads the app's <c>/dapr/subscribe</c> answer: a JSON array of { pubsubname, topic, route | routes: { default,
    /// rules }, deadLetterTopic, metadata }. Routing rules (CEL matches) are not evaluated: the default route is used,
    /// or the first rule's path when there is no default.
    /// </summary>
    public static IReadOnlyList<DaprSubscription> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var subscriptions = new List<DaprSubscription>();
        foreach (var item in document.RootElement.EnumerateArray())
        {
            var pubsub = Text(item, "pubsubname") ?? Text(item, "pubsubName");
            var topic = Text(item, "topic");
            var route = Text(item, "route");
            if (route is null && Property(item, "routes") is { ValueKind: JsonValueKind.Object } routes)
            {
                route = Text(routes, "default");
                if (route is null && Property(routes, "rules") is { ValueKind: JsonValueKind.Array } rules)
                {
                    route = rules.EnumerateArray().Select(rule => Text(rule, "path")).FirstOrDefault(path => path is not null);
                }
            }

            if (pubsub is not null && topic is not null && route is not null)
            {
                subscriptions.Add(new DaprSubscription(pubsub, topic, route, Text(item, "deadLetterTopic") ?? Text(item, "deadlettertopic")));
            }
        }

        return subscriptions;
    }

    private static JsonElement? Property(JsonElement element, string name)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    private static string? Text(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.String } value && value.GetString() is { Length: > 0 } text ? text : null;
}
