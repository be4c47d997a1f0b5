using Pilot.Registry.Domain.Commands;
using Pilot.Registry.Domain.Decisions;
using Pilot.Registry.Domain.Model;
using Pilot.Registry.Domain.State;
using Pilot.SharedKernel;

namespace Pilot.Registry.Tests.Domain;

/// <summary>Parties, codes and a small registry to run decisions against.</summary>
internal static class TestData
{
    // Valid unified social credit codes from shared/data/uscc_examples.csv.
    public const string CodeA = "91110000600037341L";
    public const string CodeB = "121200004013590816";
    public const string CodeC = "91110000710926094P";
    public const string CodeD = "91310115MA1K3BTP2B";
    public const string CodeE = "91340600MA2PBM9HXD";
    public const string CodeF = "92340602MA2PBMEM24";
    public const string CodeG = "91620105L015101280";
    public const string CodeH = "9144030071526726XG";
    public const string CodeI = "913101127033980359";

    // Level-evaluation occupations (in the 2017 skill list, not licensing).
    public const string Electrician = "6-31-01-03";   // 电工
    public const string Turner = "6-18-01-01";        // 车工
    public const string Miller = "6-18-01-02";        // 铣工
    public const string ChineseCook = "4-03-02-01";   // 中式烹调师

    public const string Welder = "6-18-02-04";        // 焊工, licensing in 2017
    public const string SecurityGuard = "4-07-05-01"; // 保安员, about to become licensing
    public const string PartyLeader = "1-01-00-01";   // not a skilled-worker qualification

    public const string Batch2020 = "2020-1";
    public const string Ministry = "dept-miit";
    public const string OrgA = "org-a";
    public const string OrgB = "org-b";
    public const string OrgC = "org-c";
    public const string Industry = "ind-cmif";

    public static readonly RegistryDecider Decider = new();

    public static Caller NationalCentre { get; } = new("centre-user", Roles.NationalCentre);

    public static Caller DepartmentCaller(string id = Ministry) => new("dept-user", Roles.Department, Org: id);

    public static Caller EvaluationOrgCaller(string id = OrgA) => new("org-user", Roles.EvaluationOrg, Org: id);

    public static Caller IndustryCaller(string id = Industry) => new("ind-user", Roles.IndustryOrg, Org: id);

    public static Caller BureauCaller(string region = "110000") => new("hr-user", Roles.ProvincialHr, Region: region);

    public static Caller PlatformCaller { get; } = new("platform", Roles.Platform, System: "platform");

    public static EligibilityFacts Eligible { get; } = new(false, false, false);

    public static EligibilityFacts DecoupledProfessionalAssociation { get; } = new(false, false, true, true, true);

    public static IReadOnlyList<Contact> SomeContacts { get; } = [new("代欣", "010-84661143", "jiandingchu@cettic.gov.cn")];

    public static OccupationCoverage Covers(string code, params int[] levels) =>
        new(code, null, levels.Length == 0 ? [1, 2, 3, 4, 5] : levels);

    public static OrganisationDraft Draft(string id, string creditCode, params OccupationCoverage[] occupations) =>
        new(id, creditCode, $"Organisation {id}", "社会团体", occupations.Length == 0 ? [Covers(Electrician)] : occupations, SomeContacts);

    public static RegisterOrganisation Register(OrganisationDraft draft, EligibilityFacts? facts = null) =>
        new("req-" + draft.Id, draft, facts ?? Eligible);

    public static BranchDraft BranchDraft(string id, string creditCode, string region = "110000", EligibilityFacts? facts = null, params OccupationCoverage[] occupations) =>
        new(id, $"Branch {id}", creditCode, region, "北京市朝阳区某路1号", facts ?? Eligible, occupations.Length == 0 ? [Covers(Electrician, 3, 4, 5)] : occupations);

    public static Batch OpenBatch2020 { get; } = new(Batch2020, "2020年第一批", BatchMilestones.For2020, BatchStatus.Open);

    public static Department MinistryRecord { get; } = new(Ministry, "工业和信息化部", [new(Electrician), new(Turner), new(Miller)]);

    public static EvaluationOrganisation Organisation(string id, string creditCode, params OccupationCoverage[] occupations) =>
        new(id, UnifiedSocialCreditCode.Parse(creditCode, "test"), $"Organisation {id}", "社会团体", Eligible, null,
            occupations.Length == 0 ? [Covers(Electrician)] : occupations, SomeContacts, IsPublished: false);

    public static EvaluationOrganisation IndustryOrganisation(string id = Industry, string creditCode = CodeI) =>
        new(id, UnifiedSocialCreditCode.Parse(creditCode, "test"), "中国机械工业联合会", "社会团体", null,
            new IndustryProfile(IndustryOrganisationKind.Comprehensive, [new("中国机床工具工业协会")]),
            [Covers(Turner), Covers(Miller)], SomeContacts, IsPublished: false);

    /// <summary>A batch, the ministry (电工, 车工, 铣工), org A (电工, 车工), org B (铣工), org C (中式烹调师) and an industry organisation; nothing recommended yet.</summary>
    public static InMemoryRegistryReadModel Seeded() =>
        new InMemoryRegistryReadModel()
            .With(OpenBatch2020)
            .With(MinistryRecord)
            .With(Organisation(OrgA, CodeA, Covers(Electrician), Covers(Turner)))
            .With(Organisation(OrgB, CodeB, Covers(Miller)))
            .With(Organisation(OrgC, CodeC, Covers(ChineseCook)))
            .With(IndustryOrganisation());

    /// <summary><see cref="Seeded"/> after the ministry recommended A and B for the 2020 batch.</summary>
    public static InMemoryRegistryReadModel SeededWithRecommendation() =>
        Seeded().With(new Recommendation(Batch2020, Ministry, [OrgA, OrgB]));

    public static DomainException Refused(Action action) => Assert.ThrowsAny<DomainException>(action);

    public static DomainException Refused<T>(Func<T> action) => Assert.ThrowsAny<DomainException>(() => action());
}
