using System.Globalization;
using Pilot.SharedKernel;
using Proto = Pilot.Protos.Registry;

namespace Pilot.Registry.Tests.Grpc;

/// <summary>Builds requests for a small, realistic batch; every id is unique per scenario so tests can share one Redis.</summary>
internal sealed class RegistryScenario
{
    public const string Electrician = "6-31-01-03";
    public const string Turner = "6-18-01-01";
    public const string Miller = "6-18-01-02";

    private static int sequence;

    public RegistryScenario()
    {
        Suffix = Interlocked.Increment(ref sequence).ToString("D4", CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..6];
    }

    public string Suffix { get; }

    public string BatchId => "batch-" + Suffix;

    public string DepartmentId => "dept-" + Suffix;

    public string OrgA => "org-a-" + Suffix;

    public string OrgB => "org-b-" + Suffix;

    public static string CreditCode() =>
        UnifiedSocialCreditCode.Complete("91110000" + Random.Shared.NextInt64(0, 999_999_999).ToString("D9", CultureInfo.InvariantCulture)).Value;

    public static string RequestId() => Guid.NewGuid().ToString("N");

    public Proto.OpenBatchRequest OpenBatch() => new()
    {
        RequestId = RequestId(),
        BatchId = BatchId,
        Name = "2020年第一批",
        Milestones = new Proto.Milestones
        {
            PlanStandardsAndFirstList = "2020-09-30",
            LocalFilingGuidance = "2020-10-10",
            ImplementationPublicityAndDirectory = "2020-11-15",
        },
    };

    public Proto.RegisterDepartmentRequest RegisterDepartment()
    {
        var department = new Proto.Department { Id = DepartmentId, Name = "工业和信息化部" };
        department.FormerOccupations.Add(new Proto.OccupationRef { Code = Electrician });
        department.FormerOccupations.Add(new Proto.OccupationRef { Code = Turner });
        return new Proto.RegisterDepartmentRequest { RequestId = RequestId(), Department = department };
    }

    public static Proto.RegisterOrganisationRequest RegisterOrganisation(string id, params string[] occupations)
    {
        var draft = new Proto.OrganisationDraft { Id = id, CreditCode = CreditCode(), Name = "评价组织 " + id, LegalForm = "社会团体" };
        foreach (var code in occupations)
        {
            draft.Occupations.Add(Coverage(code, 1, 2, 3, 4, 5));
        }

        draft.Contacts.Add(new Proto.Contact { Name = "王敏", Phone = "010-84661143", Email = "contact@example.org.cn" });
        return new Proto.RegisterOrganisationRequest
        {
            RequestId = RequestId(),
            Organisation = draft,
            Eligibility = new Proto.Eligibility(),
        };
    }

    public Proto.RecommendOrganisationsRequest Recommend(params string[] organisations)
    {
        var request = new Proto.RecommendOrganisationsRequest { RequestId = RequestId(), BatchId = BatchId, DepartmentId = DepartmentId };
        request.OrganisationIds.AddRange(organisations);
        return request;
    }

    public Proto.AddBranchRequest AddBranch(string organisationId, string branchId, string region = "110000", string? creditCode = null) => new()
    {
        RequestId = RequestId(),
        BatchId = BatchId,
        OrganisationId = organisationId,
        Branch = new Proto.BranchDraft
        {
            Id = branchId,
            Name = "分支机构 " + branchId,
            CreditCode = creditCode ?? CreditCode(),
            RegionCode = region,
            Address = "北京市朝阳区惠新东街1号",
            Eligibility = new Proto.Eligibility(),
            Occupations = { Coverage(Electrician, 3, 4, 5) },
        },
    };

    private static Proto.OccupationCoverage Coverage(string code, params int[] levels)
    {
        var coverage = new Proto.OccupationCoverage { Code = code };
        coverage.Levels.AddRange(levels);
        return coverage;
    }
}
