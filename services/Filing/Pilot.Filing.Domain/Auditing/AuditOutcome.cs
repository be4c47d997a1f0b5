namespace Pilot.Filing.Domain.Auditing;

public enum AuditOutcome
{
    Succeeded,
    Refused,
}
