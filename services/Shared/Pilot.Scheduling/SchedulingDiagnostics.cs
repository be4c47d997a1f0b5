namespace Pilot.Scheduling;

/// <summary>Names to opt into with OpenTelemetry: <c>AddSource(Name)</c> and <c>AddMeter(Name)</c>.</summary>
public static class SchedulingDiagnostics
{
    /// <summary>The ActivitySource and the Meter name.</summary>
    public const string Name = "Pilot.Scheduling";
}
