namespace Pilot.Filing.Domain.Materials;

/// <summary>
/// The twelve regulations listed in the attachment ("包括但不限于"), in the notice's order.
/// The same list applies to departments and industry organisations.
/// </summary>
public static class Regulations
{
    public static readonly IReadOnlyList<RegulationRequirement> All =
    [
        new("exam-administration", "考务管理办法", "Exam administration rules"),
        new("examiners", "考评人员管理办法", "Rules for examiners"),
        new("pilot-and-evaluation", "试点及评价管理办法", "Pilot and evaluation management rules"),
        new("misconduct", "工作人员和考生违纪违规处理办法", "Handling misconduct of staff and candidates"),
        new("records", "档案管理办法", "Records management rules"),
        new("certificates", "证书管理办法", "Certificate management rules"),
        new("supervision", "监督制度", "Supervision system"),
        new("risk-control", "风险防控体系", "Risk prevention and control system"),
        new("finance", "财务制度", "Finance system"),
        new("publicity", "公示制度", "Publicity system"),
        new("public-accountability", "社会问责制度", "Public accountability system"),
        new("information-disclosure", "信息公开制度", "Information disclosure system"),
    ];
}
