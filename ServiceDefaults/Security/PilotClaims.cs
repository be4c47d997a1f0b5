namespace Pilot.ServiceDefaults.Security;

/// <summary>Claim names in Pilot tokens.</summary>
public static class PilotClaims
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string Region = "region";
    public const string Org = "org";

    /// <summary>The calling system (e.g. a provincial HR system's name), recorded in audit records.</summary>
    public const string System = "system";
}
