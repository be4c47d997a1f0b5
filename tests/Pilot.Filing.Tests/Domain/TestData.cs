using Pilot.Filing.Domain.Deadlines;
using Pilot.Filing.Domain.Files;
using Pilot.Filing.Domain.Filings;
using Pilot.Filing.Domain.Materials;
using Pilot.Filing.Domain.Packages;
using Pilot.SharedKernel;
using Pilot.SharedKernel.Files;

namespace Pilot.Filing.Tests.Domain;

/// <summary>Parties and documents shared by the tests. Times are Beijing time, as the notice's dates are.</summary>
internal static class TestData
{
    public const string DepartmentOrg = "dept-transport";
    public const string IndustryOrg = "assoc-machinery";
    public const string EvaluationOrg = "eval-org-1";
    public const string Branch = "branch-bj-1";
    public const string Beijing = "110000";
    public const string Shanghai = "310000";

    public static readonly BatchMilestones Batch = BatchMilestones.Batch2020;

    public static readonly Caller Department = new("user-dept", Roles.Department, Org: DepartmentOrg, System: "dept-portal");
    public static readonly Caller Industry = new("user-assoc", Roles.IndustryOrg, Org: IndustryOrg, System: "assoc-portal");
    public static readonly Caller Evaluation = new("user-eval", Roles.EvaluationOrg, Org: EvaluationOrg, System: "eval-portal");
    public static readonly Caller BeijingBureau = new("clerk-bj", Roles.ProvincialHr, Region: Beijing, System: "hr-bj");
    public static readonly Caller ShanghaiBureau = new("clerk-sh", Roles.ProvincialHr, Region: Shanghai, System: "hr-sh");
    public static readonly Caller NationalCentre = new("centre", Roles.NationalCentre, System: "osta");

    public static DateTimeOffset At(int year, int month, int day, int hour = 10) =>
        new(year, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    public static DocumentFile File(FileKind kind = FileKind.Pdf, long size = 1024, string sha = "") =>
        new(sha.Length > 0 ? sha : new string('a', 64), size, kind, "doc.pdf");

    /// <summary>Every document the checklist asks of <paramref name="kind"/>, declaring every section and regulation.</summary>
    public static List<PackageDocument> CompleteDocuments(SubmitterKind kind) =>
        MaterialChecklist.For(kind)
            .Select(requirement => new PackageDocument(
                requirement.Id,
                File(),
                requirement.Sections.Select(section => section.Id).ToList(),
                requirement.Regulations.Select(regulation => regulation.Id).ToList()))
            .ToList();

    public static BranchFacts Facts(
        bool recommended = true, bool industry = false, PilotWorkPlan plan = PilotWorkPlan.NamesBranch, string region = Beijing, string org = EvaluationOrg) =>
        new(Branch, org, region, recommended, industry, plan);

    public static IReadOnlyList<Occupation> Occupations { get; } = [new("6-18-02-04"), new("4-02-02-01", "汽车驾驶员")];
}
