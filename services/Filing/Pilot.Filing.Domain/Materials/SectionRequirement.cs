namespace Pilot.Filing.Domain.Materials;

/// <summary>One item of a document's 主要内容 that the document must cover.</summary>
/// <param name="Id">Stable id clients and packages use, e.g. <c>goals</c>.</param>
/// <param name="Title">The notice's words.</param>
/// <param name="Gloss">English gloss for non-Chinese readers and logs.</param>
public sealed record SectionRequirement(string Id, string Title, string Gloss);
