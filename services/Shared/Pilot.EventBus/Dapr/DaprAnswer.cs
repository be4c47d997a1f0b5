using Microsoft.AspNetCore.Http;

namespace Pilot.EventBus.Dapr;

/// <summary>The bodies daprd understands: SUCCESS acknowledges, RETRY redelivers, DROP discards.</summary>
internal static class DaprAnswer
{
    public static IResult Success { get; } = Results.Json(new { status = "SUCCESS" });

    public static IResult Retry { get; } = Results.Json(new { status = "RETRY" });

    public static IResult Drop { get; } = Results.Json(new { status = "DROP" });
}
