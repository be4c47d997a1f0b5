namespace Pilot.Filing.Tests.Grpc;

/// <summary>
/// The Filing service whose watches look for unsignalled changes only once an hour, so a change a watch reports
/// within a test's time was delivered by the signal of the commit itself.
/// </summary>
public sealed class HourlyPollFilingFactory : FilingFactory
{
    protected override TimeSpan WatchPollInterval => TimeSpan.FromHours(1);
}
