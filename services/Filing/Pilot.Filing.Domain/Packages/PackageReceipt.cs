namespace Pilot.Filing.Domain.Packages;

/// <summary>Acknowledgement of a sponsor's letter (函告, 三.2): the number it can quote and when it arrived.</summary>
public sealed record PackageReceipt(string ReceiptNumber, DateTimeOffset ReceivedAt)
{
    /// <summary>
    /// Receipt numbers are derived from package and version rather than drawn from a counter, so the
    /// decision stays pure and a retried submission gets the same number.
    /// </summary>
    public static string NumberFor(string batchId, string sponsorOrgId, int versionNumber) =>
        $"{batchId}-{sponsorOrgId}-{versionNumber:D2}";
}
