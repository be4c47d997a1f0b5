using Pilot.Filing.Domain.Filings;

namespace Pilot.Filing.Application;

/// <summary>
/// A filing as Filing answers it and keeps it: the domain's filing and the credit code the organisation gave for its
/// branch, which the domain does not judge but clients show. Storage keeps it as JSON (the filing's record).
/// </summary>
internal sealed record FilingView(BranchFiling Filing, string BranchCreditCode);
