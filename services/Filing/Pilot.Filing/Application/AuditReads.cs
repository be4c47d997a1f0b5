using Pilot.Filing.Domain.Auditing;
using Pilot.Filing.Storage;
using Pilot.SharedKernel;

namespace Pilot.Filing.Application;

/// <summary>The audit trail, newest first: the national centre reads all of it, a bureau what concerns its region.</summary>
internal sealed class AuditReads(FilingStore store, RefusalAudit audit)
{
    public async Task<Page<AuditRecord>> ListAsync(string? regionCode, string? pageToken, int pageSize, Caller caller)
    {
        var requested = string.IsNullOrWhiteSpace(regionCode) ? null : ProvinceRegion.Parse(regionCode, "region_code").Code;
        string stream;
        if (caller.IsNationalCentre)
        {
            stream = requested is null ? FilingKeys.Audit : FilingKeys.RegionAudit(requested);
        }
        else if (caller.Is(Roles.ProvincialHr) && caller.Region is { } own && (requested is null || requested == own))
        {
            stream = FilingKeys.RegionAudit(own);
        }
        else
        {
            throw await audit.RecordAsync(caller, RefusalAudit.ListAudit, requested is null ? "audit" : $"audit:{requested}",
                DomainException.Forbidden("the audit trail is read by the national centre, and by a provincial bureau for its own region"),
                requested);
        }

        var size = FilingReads.PageSize(pageSize);
        var entries = await store.AuditBeforeAsync(stream, PagePositions.InStream(pageToken), size + 1);
        return new Page<AuditRecord>(
            [.. entries.Take(size).Select(entry => entry.Record)],
            entries.Count > size ? PagePositions.Token(entries[size - 1].Id) : string.Empty);
    }
}
