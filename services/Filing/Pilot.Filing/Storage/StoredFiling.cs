using Pilot.Filing.Domain.Filings;

namespace Pilot.Filing.Storage;

/// <summary>A filing as stored: the domain record and the credit code the organisation gave for its branch.</summary>
/// <param name="LegacyState">Read from the JSON state written before filings kept their record; the next change drops it.</param>
internal sealed record StoredFiling(BranchFiling Filing, string BranchCreditCode, bool LegacyState = false);
