namespace Pilot.Filing.Domain.Materials;

/// <summary>One of the twelve 规章制度 the implementation plan must include at least.</summary>
/// <param name="Id">Stable id, e.g. <c>exam-administration</c>.</param>
/// <param name="Title">The notice's words, e.g. 考务管理办法.</param>
/// <param name="Gloss">English gloss.</param>
public sealed record RegulationRequirement(string Id, string Title, string Gloss);
