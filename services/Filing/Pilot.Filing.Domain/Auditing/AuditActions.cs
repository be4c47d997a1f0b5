namespace Pilot.Filing.Domain.Auditing;

/// <summary>The names audit records use for what was attempted.</summary>
public static class AuditActions
{
    public const string SubmitPackage = "filing.package.submit";
    public const string SubmitFiling = "filing.filing.submit";
    public const string AcceptFiling = "filing.filing.accept";
    public const string RejectFiling = "filing.filing.reject";
}
