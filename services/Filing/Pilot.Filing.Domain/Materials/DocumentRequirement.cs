namespace Pilot.Filing.Domain.Materials;

/// <summary>One numbered document of the attachment 提交材料清单, with what it must contain.</summary>
/// <param name="Number">Its number in the attachment (一、二、三 → 1, 2, 3).</param>
/// <param name="Id">Stable id, e.g. <c>pilot-work-plan</c>.</param>
/// <param name="Title">The notice's title.</param>
/// <param name="Gloss">English gloss.</param>
/// <param name="Sections">Items of its 主要内容.</param>
/// <param name="Regulations">Regulations it must include; empty for documents that need none.</param>
public sealed record DocumentRequirement(
    int Number,
    string Id,
    string Title,
    string Gloss,
    IReadOnlyList<SectionRequirement> Sections,
    IReadOnlyList<RegulationRequirement> Regulations);
