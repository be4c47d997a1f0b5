using Grpc.Core;
using Pilot.SharedKernel;
using Proto = Pilot.Protos.Registry;

namespace Pilot.Demo;

/// <summary>
/// Registers the 2020 batch of the notice: two departments recommending two organisations each,
/// a comprehensive and a professional industry organisation, branches in several provinces, and
/// five attempts that break R1–R5 and must be refused with that rule. Request ids are fixed, so a
/// second run against the same Redis gets the stored answers instead of duplicates.
/// </summary>
internal sealed class RegistryDemo(DemoContext context, DemoSteps steps)
{
    public const string BatchId = "2020-1";

    private readonly Proto.Registry.RegistryClient registry = new(context.Channel("registry"));

    public async Task RunAsync()
    {
        await steps.Expect("open batch 2020年第一批", () => Call(Roles.NationalCentre, null, options => registry.OpenBatchAsync(new Proto.OpenBatchRequest
        {
            RequestId = "demo-open-2020-1",
            BatchId = BatchId,
            Name = "2020年第一批",
            Milestones = new Proto.Milestones { PlanStandardsAndFirstList = "2020-09-30", LocalFilingGuidance = "2020-10-10", ImplementationPublicityAndDirectory = "2020-11-15" },
        }, options).ResponseAsync)).ConfigureAwait(false);

        await DepartmentAsync("dept-mot", "交通运输部", ("4-12-01-01", "org-jtpj", "中国交通运输协会职业技能评价中心"), ("6-30-05-01", "org-gkpj", "中国港口协会技能评价中心")).ConfigureAwait(false);
        await DepartmentAsync("dept-moa", "农业农村部", ("5-05-02-01", "org-nypj", "中国农业技术推广协会评价中心"), ("5-05-05-02", "org-njpj", "中国农业机械化协会评价中心")).ConfigureAwait(false);
        await IndustryAsync("ind-cmif", "中国机械工业联合会", Proto.IndustryKind.Comprehensive, ["中国机床工具工业协会", "中国汽车工业协会"], "6-18-01-01", "6-18-01-02").ConfigureAwait(false);
        await IndustryAsync("ind-cca", "中国烹饪协会", Proto.IndustryKind.Professional, [], "4-03-02-01", "4-03-02-03").ConfigureAwait(false);

        await BranchAsync("org-jtpj", "br-jtpj-bj", "北京分中心", "110000", "4-12-01-01").ConfigureAwait(false);
        await BranchAsync("org-jtpj", "br-jtpj-bj2", "北京东城考点", "110000", "4-12-01-01").ConfigureAwait(false);
        await BranchAsync("org-jtpj", "br-jtpj-gd", "广东分中心", "440000", "4-12-01-01").ConfigureAwait(false);
        await BranchAsync("org-gkpj", "br-gkpj-sh", "上海分中心", "310000", "6-30-05-01").ConfigureAwait(false);
        await BranchAsync("ind-cmif", "br-cmif-sc", "四川评价站", "510000", "6-18-01-01").ConfigureAwait(false);
        await BranchAsync("ind-cca", "br-cca-gd", "广东评价站", "440000", "4-03-02-01").ConfigureAwait(false);

        await RefusalsAsync().ConfigureAwait(false);
    }

    private async Task DepartmentAsync(string id, string name, params (string Occupation, string OrgId, string OrgName)[] organisations)
    {
        var department = new Proto.Department { Id = id, Name = name };
        department.FormerOccupations.AddRange(organisations.Select(o => new Proto.OccupationRef { Code = o.Occupation }));
        await steps.Expect($"{name} registers", () => Call(Roles.Department, id, options => registry.RegisterDepartmentAsync(
            new Proto.RegisterDepartmentRequest { RequestId = $"demo-dept-{id}", Department = department }, options).ResponseAsync)).ConfigureAwait(false);

        foreach (var (occupation, orgId, orgName) in organisations)
        {
            await steps.Expect($"{orgName} registers", () => Call(Roles.EvaluationOrg, orgId, options => registry.RegisterOrganisationAsync(
                new Proto.RegisterOrganisationRequest { RequestId = $"demo-org-{orgId}", Organisation = Draft(orgId, orgName, occupation), Eligibility = new Proto.Eligibility { IsAssociation = true, IsDecoupledFromSupervisor = true, IsProfessionalAssociation = true } },
                options).ResponseAsync)).ConfigureAwait(false);
        }

        var recommend = new Proto.RecommendOrganisationsRequest { RequestId = $"demo-recommend-{id}", BatchId = BatchId, DepartmentId = id };
        recommend.OrganisationIds.AddRange(organisations.Select(o => o.OrgId));
        await steps.Expect($"{name} recommends two organisations (R3)", () => Call(Roles.Department, id, options => registry.RecommendOrganisationsAsync(recommend, options).ResponseAsync)).ConfigureAwait(false);
    }

    private Task IndustryAsync(string id, string name, Proto.IndustryKind kind, string[] members, params string[] occupations)
    {
        var request = new Proto.RegisterIndustryOrganisationRequest { RequestId = $"demo-industry-{id}", Organisation = Draft(id, name, occupations), Kind = kind };
        request.MemberAssociations.AddRange(members);
        return steps.Expect($"{name} registers as an industry organisation (R4)", () => Call(Roles.IndustryOrg, id, options => registry.RegisterIndustryOrganisationAsync(request, options).ResponseAsync));
    }

    private Task BranchAsync(string orgId, string branchId, string name, string region, string occupation)
    {
        var request = new Proto.AddBranchRequest
        {
            RequestId = $"demo-branch-{branchId}",
            BatchId = BatchId,
            OrganisationId = orgId,
            Branch = new Proto.BranchDraft
            {
                Id = branchId,
                Name = name,
                CreditCode = DemoCodes.For(branchId),
                RegionCode = region,
                Address = "demo address",
                Eligibility = new Proto.Eligibility(),
                Occupations = { new Proto.OccupationCoverage { Code = occupation, Levels = { 3, 4, 5 } } },
            },
        };
        var role = orgId.StartsWith("ind-", StringComparison.Ordinal) ? Roles.IndustryOrg : Roles.EvaluationOrg;
        return steps.Expect($"{orgId} adds branch {name} in {region}", () => Call(role, orgId, options => registry.AddBranchAsync(request, options).ResponseAsync));
    }

    private async Task RefusalsAsync()
    {
        var government = new Proto.RegisterOrganisationRequest { RequestId = "demo-refuse-r1", Organisation = Draft("org-gov", "某市职业技能鉴定指导中心", "4-12-01-01"), Eligibility = new Proto.Eligibility { BelongsToGovernmentBody = true } };
        await steps.ExpectRefusal("a unit of a government body is refused", "R1", () => Call(Roles.NationalCentre, null, options => registry.RegisterOrganisationAsync(government, options).ResponseAsync)).ConfigureAwait(false);

        var licensing = new Proto.RegisterOrganisationRequest { RequestId = "demo-refuse-r2", Organisation = Draft("org-welding", "焊接评价中心", "6-18-02-04"), Eligibility = new Proto.Eligibility() };
        await steps.ExpectRefusal("a licensing occupation (焊工) is refused", "R2", () => Call(Roles.NationalCentre, null, options => registry.RegisterOrganisationAsync(licensing, options).ResponseAsync)).ConfigureAwait(false);

        var single = new Proto.RecommendOrganisationsRequest { RequestId = "demo-refuse-r3", BatchId = BatchId, DepartmentId = "dept-mot", OrganisationIds = { "org-jtpj" } };
        await steps.ExpectRefusal("recommending one organisation is refused", "R3", () => Call(Roles.Department, "dept-mot", options => registry.RecommendOrganisationsAsync(single, options).ResponseAsync)).ConfigureAwait(false);

        var noMembers = new Proto.RegisterIndustryOrganisationRequest { RequestId = "demo-refuse-r4", Organisation = Draft("ind-empty", "某综合类行业协会", "6-18-01-04"), Kind = Proto.IndustryKind.Comprehensive };
        await steps.ExpectRefusal("a comprehensive industry organisation without member associations is refused", "R4", () => Call(Roles.IndustryOrg, "ind-empty", options => registry.RegisterIndustryOrganisationAsync(noMembers, options).ResponseAsync)).ConfigureAwait(false);

        await steps.Expect("an organisation nobody recommends registers", () => Call(Roles.EvaluationOrg, "org-alone", options => registry.RegisterOrganisationAsync(
            new Proto.RegisterOrganisationRequest { RequestId = "demo-org-alone", Organisation = Draft("org-alone", "独立评价机构", "4-12-01-01"), Eligibility = new Proto.Eligibility() }, options).ResponseAsync)).ConfigureAwait(false);
        var orphan = new Proto.AddBranchRequest
        {
            RequestId = "demo-refuse-r5",
            BatchId = BatchId,
            OrganisationId = "org-alone",
            Branch = new Proto.BranchDraft { Id = "br-alone", Name = "未推荐机构的分支", CreditCode = DemoCodes.For("br-alone"), RegionCode = "110000", Address = "demo address", Eligibility = new Proto.Eligibility(), Occupations = { new Proto.OccupationCoverage { Code = "4-12-01-01", Levels = { 5 } } } },
        };
        await steps.ExpectRefusal("its branch is refused", "R5", () => Call(Roles.EvaluationOrg, "org-alone", options => registry.AddBranchAsync(orphan, options).ResponseAsync)).ConfigureAwait(false);
    }

    private static Proto.OrganisationDraft Draft(string id, string name, params string[] occupations)
    {
        var draft = new Proto.OrganisationDraft { Id = id, Name = name, CreditCode = DemoCodes.For(id), LegalForm = "社会团体" };
        draft.Occupations.AddRange(occupations.Select(code => new Proto.OccupationCoverage { Code = code, Levels = { 1, 2, 3, 4, 5 } }));
        draft.Contacts.Add(new Proto.Contact { Name = "联系人", Phone = "010-84661143", Email = "contact@example.org.cn" });
        return draft;
    }

    private async Task<string> Call<T>(string role, string? org, Func<CallOptions, Task<T>> call)
    {
        var token = context.Tokens.Issue(role, org: org, subject: org ?? "demo-" + role, system: "pilot-demo");
        var result = await call(new CallOptions(DemoContext.Bearer(token))).ConfigureAwait(false);
        return result?.ToString() is { Length: > 120 } text ? text[..120] + "…" : result?.ToString() ?? string.Empty;
    }
}
