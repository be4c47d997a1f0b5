namespace Pilot.Filing.Domain.Filings;

/// <summary>A provincial bureau rejects a filing, saying why (R6 requires a reason).</summary>
/// <param name="RequestId">Client's idempotency key.</param>
/// <param name="FilingId">The filing.</param>
/// <param name="ExpectedVersion">The version the bureau's user looked at.</param>
/// <param name="Reason">What the branch must fix; not empty.</param>
public sealed record RejectFiling(string RequestId, string FilingId, long ExpectedVersion, string Reason);
