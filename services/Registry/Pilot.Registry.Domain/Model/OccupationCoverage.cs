namespace Pilot.Registry.Domain.Model;

/// <summary>An occupation (and optional sub-type) an organisation or branch evaluates, at skill levels 1–5.</summary>
/// <param name="Levels">Skill levels, 1 = 一级/高级技师 … 5 = 五级/初级工; stored sorted and distinct.</param>
public sealed record OccupationCoverage(string Code, string? SubType, IReadOnlyList<int> Levels)
{
    public const int HighestLevel = 1;
    public const int LowestLevel = 5;

    public OccupationRef Occupation => new(Code, SubType);
}
