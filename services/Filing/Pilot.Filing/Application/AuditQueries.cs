using Pilot.Filing.Domain.Auditing;
using Pilot.Filing.Grpc;
using Pilot.Filing.Storage;
using Pilot.Protos.Filing;
using Pilot.SharedKernel;

namespace Pilot.Filing.Application;

/// <summary>The audit trail: the national centre reads all of it, a bureau what concerns its region.</summary>
internal sealed class AuditQueries(FilingStore store, RefusalAudit audit)
{
    public async Task<ListAuditResponse> ListAsync(ListAuditRequest request, Caller caller)
    {
        var requested = string.IsNullOrWhiteSpace(request.RegionCode) ? null : ProvinceRegion.Parse(request.RegionCode, "region_code").Code;
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

        var pageSize = FilingQueries.PageSize(request.PageSize);
        if (!string.IsNullOrEmpty(request.PageToken) && !StreamIds.IsValid(request.PageToken))
        {
            throw DomainException.Invalid("page_token", "pass the next_page_token of the previous page unchanged");
        }

        var before = string.IsNullOrEmpty(request.PageToken) ? "+" : "(" + request.PageToken;
        var entries = await store.AuditBeforeAsync(stream, before, pageSize + 1);
        var response = new ListAuditResponse();
        response.Entries.AddRange(entries.Take(pageSize).Select(entry => AuditMappers.ToProto(StorageJson.Read<AuditRecord>(entry["record"].ToString()))));
        response.NextPageToken = entries.Length > pageSize ? entries[pageSize - 1].Id.ToString() : string.Empty;
        return response;
    }
}
