namespace Pilot.InfoPlatform.Tests.Support;

/// <summary>Event data as Publication publishes it on publication-events (camelCase), with the demo's Beijing branch.</summary>
public static class PublicationData
{
    public const string Scheduled = "pilot.publication.publicity-scheduled.v1";
    public const string Raised = "pilot.publication.objection-raised.v1";
    public const string Resolved = "pilot.publication.objection-resolved.v1";
    public const string Concluded = "pilot.publication.publicity-concluded.v1";
    public const string Published = "pilot.publication.directory-published.v1";

    public static object BranchScheduled(string entryId, string address = "北京市东城区东直门南大街 1 号", string name = "交通运输职业技能评价中心北京分中心") => new
    {
        entryId,
        kind = "branch",
        filingId = "2020-1/br-jtpj-bj",
        batchId = "2020-1",
        branchId = "br-jtpj-bj",
        organisationId = "org-jtpj",
        organisationName = "中国交通运输协会职业技能评价中心",
        branchName = name,
        creditCode = "91110000MA01ABCD1X",
        regionCode = "110000",
        regionName = "北京市",
        address,
        filingNumber = "京人社备〔2020〕001号",
        sponsorId = "dept-mot",
        sponsorName = "交通运输部",
        occupations = new[] { new { code = "4-12-01-01", subType = (string?)null } },
        opensOn = "2020-10-12",
        closesOn = "2020-10-16",
        somethingAddedLater = new { ignored = true },
    };

    public static object ObjectionRaised(string entryId, string objectionId) => new
    {
        objectionId, entryId, filingId = "2020-1/br-jtpj-bj", batchId = "2020-1", branchId = "br-jtpj-bj", organisationId = "org-jtpj",
        regionCode = "110000", regionName = "北京市", raisedAt = "2020-10-13T02:00:00Z", closesOn = "2020-10-16",
    };

    public static object ObjectionResolved(string entryId, string objectionId, string outcome, string reason) => new
    {
        objectionId, entryId, filingId = "2020-1/br-jtpj-bj", batchId = "2020-1", branchId = "br-jtpj-bj", organisationId = "org-jtpj",
        regionCode = "110000", outcome, reason, resolvedAt = "2020-10-14T03:00:00Z",
    };

    public static object PublicityConcluded(string entryId, string outcome) => new
    {
        entryId, kind = "branch", filingId = "2020-1/br-jtpj-bj", batchId = "2020-1", branchId = "br-jtpj-bj", organisationId = "org-jtpj",
        regionCode = "110000", regionName = "北京市", filingNumber = "京人社备〔2020〕001号", outcome,
        opensOn = "2020-10-12", closesOn = "2020-10-16", concludedAt = "2020-10-16T16:00:00Z",
    };

    public static string Sha(char c) => new(c, 64);

    public static object DirectoryPublished(string batchId, int version, string exportSha256, string? previousSha256, string organisationName = "中国交通运输协会职业技能评价中心") => new
    {
        batchId,
        version,
        exportSha256,
        previousSha256,
        publishedAt = "2020-11-15T02:00:00Z",
        organisationCount = 1,
        branchCount = 1,
        organisations = new[]
        {
            new
            {
                organisationId = "org-jtpj",
                name = organisationName,
                creditCode = "51100000500012345K",
                isIndustryOrganisation = false,
                sponsorId = "dept-mot",
                sponsorName = "交通运输部",
                occupations = new[] { new { code = "4-12-01-01", name = "汽车维修工", subType = (string?)null, levels = new[] { 3, 4, 5 } } },
                branches = new[]
                {
                    new
                    {
                        branchId = "br-jtpj-bj", name = "交通运输职业技能评价中心北京分中心", creditCode = "91110000MA01ABCD1X", regionCode = "110000",
                        regionName = "北京市", address = "北京市东城区东直门南大街 1 号", filingNumber = "京人社备〔2020〕001号",
                        occupations = new[] { new { code = "4-12-01-01", subType = (string?)null, levels = new[] { 3, 4 } } },
                    },
                },
            },
        },
        added = new { organisationIds = new[] { "org-jtpj" }, branchIds = new[] { "br-jtpj-bj" } },
        removed = new { organisationIds = Array.Empty<string>(), branchIds = Array.Empty<string>() },
    };
}
