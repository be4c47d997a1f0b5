namespace Pilot.Filing.Domain.Materials;

/// <summary>
/// The attachment of 中就培函〔2020〕41号 (提交材料清单) as data: which documents a submitter must hand in,
/// and which sections and regulations each must contain. Clients render the submission form from it
/// and <see cref="Packages.PackageCompleteness"/> checks packages against it, so the two cannot drift.
/// </summary>
public static class MaterialChecklist
{
    public const string PilotWorkPlan = "pilot-work-plan";
    public const string RecommendationLetter = "recommendation-letter";
    public const string BranchSelection = "branch-selection";
    public const string ImplementationPlan = "implementation-plan";

    private static readonly IReadOnlyList<DocumentRequirement> DepartmentDocuments =
    [
        new(1, PilotWorkPlan, "职业技能等级试点工作方案", "Pilot work plan",
        [
            new("goals", "试点工作目标", "Goals of the pilot"),
            new("supervision-organisation", "行业监管服务组织机构设置", "Industry supervision and service set-up"),
            new("certification-supervision-system", "职业技能等级认定监管工作体系", "Supervision system for skill-level certification"),
            new("steps-and-schedule", "具体实施步骤安排", "Concrete steps and schedule"),
        ],
        []),
        new(2, RecommendationLetter, "推荐社会培训评价组织的函", "Letter recommending evaluation organisations",
        [
            new("selection-standards", "社会培训评价组织及其分支机构遴选标准", "Selection standards for organisations and their branches"),
            new("recommended-list", "拟推荐社会培训评价组织及其分支机构名单", "List of recommended organisations and branches"),
        ],
        []),
        new(3, ImplementationPlan, "社会培训评价组织工作实施方案及质量管控措施", "Implementation plan and quality control measures",
        [
            new("basic-facts", "推荐的社会培训评价组织及其分支机构的基本情况", "Basic facts of the recommended organisations and branches"),
            new("organisation-and-staff", "组织机构及人员情况", "Organisation and staff"),
            new("schedule", "进度安排", "Schedule"),
            new("evaluation-plan", "评价规划", "Evaluation plan"),
            new("sites-and-equipment", "场地设备情况", "Sites and equipment"),
        ],
        Regulations.All),
    ];

    private static readonly IReadOnlyList<DocumentRequirement> IndustryOrganisationDocuments =
    [
        new(1, PilotWorkPlan, "职业技能等级认定试点工作方案", "Pilot work plan",
        [
            new("association-facts", "行业协会基本情况", "Basic facts of the association"),
            new("goals", "工作目标", "Goals"),
            new("organisation", "组织机构", "Organisation"),
            new("evaluation-content-and-method", "评价内容及方式", "Evaluation content and method"),
            new("occupations", "职业（工种）范围", "Occupations (sub-types) covered"),
            new("certification-system", "职业技能等级认定工作体系", "Skill-level certification system"),
            new("infrastructure", "基础设施条件", "Infrastructure"),
            new("safeguards", "保障措施", "Safeguards"),
            new("steps-and-schedule", "具体实施步骤安排", "Concrete steps and schedule"),
        ],
        []),
        new(2, BranchSelection, "分支机构遴选标准及其分支机构名单", "Branch selection standards and branch list",
        [
            new("selection-standards", "社会培训评价组织及其分支机构遴选标准", "Selection standards for the organisation and its branches"),
            new("branch-list", "分支机构名单及基本情况", "List of branches and their basic facts"),
        ],
        []),
        new(3, ImplementationPlan, "社会培训评价组织工作实施方案及质量管控措施", "Implementation plan and quality control measures",
        [
            new("organisation-and-staff", "组织机构及人员情况", "Organisation and staff"),
            new("schedule", "进度安排", "Schedule"),
            new("evaluation-plan", "评价规划", "Evaluation plan"),
            new("sites-and-equipment", "场地设备情况", "Sites and equipment"),
        ],
        Regulations.All),
    ];

    /// <summary>The documents <paramref name="kind"/> must hand in, in the attachment's order.</summary>
    public static IReadOnlyList<DocumentRequirement> For(SubmitterKind kind) => kind switch
    {
        SubmitterKind.Department => DepartmentDocuments,
        SubmitterKind.IndustryOrganisation => IndustryOrganisationDocuments,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown submitter kind"),
    };
}
