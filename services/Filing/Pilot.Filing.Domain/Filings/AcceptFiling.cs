namespace Pilot.Filing.Domain.Filings;

/// <summary>A provincial bureau accepts a filing under the number it issued.</summary>
/// <param name="RequestId">Client's idempotency key.</param>
/// <param name="FilingId">The filing.</param>
/// <param name="ExpectedVersion">The version the bureau's user looked at.</param>
/// <param name="FilingNumber">备案编号 issued by the bureau; unique within its region.</param>
/// <param name="FiledOn">Date the bureau's filing bears; not in the future, not before the submission.</param>
public sealed record AcceptFiling(string RequestId, string FilingId, long ExpectedVersion, string FilingNumber, DateOnly FiledOn);
