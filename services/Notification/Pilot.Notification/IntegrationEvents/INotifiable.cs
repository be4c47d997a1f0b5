using System.Globalization;
using Pilot.Notification.Domain.Routing;

namespace Pilot.Notification.IntegrationEvents;

/// <summary>A contract Notification tells parties about: how its fields become the facts the templates name.</summary>
public interface INotifiable
{
    /// <summary>The event as routing and templates read it, under the CloudEvents id it arrived with.</summary>
    NotificationEvent ToNotification(string eventId, DateTimeOffset occurredAt);
}

/// <summary>How the contracts write their facts: dates and times in Beijing, the way the messages print them.</summary>
internal static class Facts
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public static string Date(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset instant) => instant.ToOffset(Beijing).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>What a publicity entry is, in words: a branch (with its filing number and region when known) or, with no branch, the organisation itself.</summary>
    public static string Entry(string? branchId, string organisationId, string? filingNumber, string? regionName)
    {
        if (string.IsNullOrEmpty(branchId))
        {
            return $"社会培训评价组织{organisationId}";
        }

        var details = string.Join("，", new[] { filingNumber is { Length: > 0 } ? "备案编号" + filingNumber : null, regionName }.Where(d => !string.IsNullOrEmpty(d)));
        return details.Length == 0 ? $"分支机构{branchId}" : $"分支机构{branchId}（{details}）";
    }

    public static NotificationEvent Event(
        string eventId, string eventType, DateTimeOffset occurredAt, string about, Dictionary<string, string> facts, Dictionary<string, IReadOnlyList<string>>? lists = null) =>
        new(eventId, eventType, occurredAt, about, facts, lists ?? new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal));
}
