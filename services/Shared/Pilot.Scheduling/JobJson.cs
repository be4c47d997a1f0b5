using System.Text.Json;

namespace Pilot.Scheduling;

internal static class JobJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
