using Pilot.Filing.Domain.Filings;

namespace Pilot.Filing.Application;

/// <summary>
/// An organisation's filing of a branch as it asks for it: the domain's command and the branch's unified social credit
/// code, which the filing keeps and shows. Together they are what a repeat of the request id must match.
/// </summary>
internal sealed record FileBranch(SubmitFiling Submission, string BranchCreditCode);
