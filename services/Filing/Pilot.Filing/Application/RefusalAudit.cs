using Pilot.Filing.Domain.Auditing;
using Pilot.Filing.Storage;
using Pilot.SharedKernel;

namespace Pilot.Filing.Application;

/// <summary>
/// Records refused reads: a bureau looking at another region's filings is what supervision (R9) must see,
/// just as a refused decision is.
/// </summary>
internal sealed class RefusalAudit(FilingStore store, TimeProvider clock)
{
    public const string ReadFiling = "filing.filing.read";
    public const string ListFilings = "filing.filing.list";
    public const string WatchFilings = "filing.filing.watch";
    public const string ReadPackage = "filing.package.read";
    public const string ListAudit = "filing.audit.list";
    public const string ListDueItems = "filing.due.list";

    /// <summary>Stores the refusal and returns it for the caller to throw.</summary>
    public async Task<DomainException> RecordAsync(Caller caller, string action, string target, DomainException refusal, params string?[] regions)
    {
        var audit = AuditRecord.Refused(caller, clock.GetUtcNow(), action, target, null, refusal);
        await store.RecordAuditAsync(audit, [.. regions.OfType<string>()]);
        return refusal;
    }
}
