namespace Pilot.Registry.Domain.Model;

public enum BatchStatus
{
    Open,
    Closed,
}
