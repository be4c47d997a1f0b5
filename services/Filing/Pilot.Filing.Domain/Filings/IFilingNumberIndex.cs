namespace Pilot.Filing.Domain.Filings;

/// <summary>
/// Filing numbers (备案编号) already issued, per region. The decision uses the lookup to give a clear
/// refusal; storage must still reserve the number atomically when it saves, because two bureaus' clerks
/// can look at the same moment.
/// </summary>
public interface IFilingNumberIndex
{
    /// <summary>The filing that holds <paramref name="filingNumber"/> in the region, or null when it is free.</summary>
    Task<string?> FindFilingIdAsync(string regionCode, string filingNumber, CancellationToken cancellationToken = default);
}
