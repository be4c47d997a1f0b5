using Pilot.Filing.Domain.Filings;

namespace Pilot.Filing.Storage;

/// <summary>A filing as stored: the domain record and the credit code the organisation gave for its branch.</summary>
internal sealed record StoredFiling(BranchFiling Filing, string BranchCreditCode);
