namespace Pilot.Registry.Domain.Model;

/// <summary>An occupation, optionally narrowed to one sub-type (工种). Without a sub-type it means all of them.</summary>
public sealed record OccupationRef(string Code, string? SubType = null)
{
    /// <summary>True when <paramref name="other"/> falls inside this one: same code, and this has no sub-type or the same.</summary>
    public bool Includes(OccupationRef other) =>
        string.Equals(Code, other.Code, StringComparison.Ordinal)
        && (SubType is null || string.Equals(SubType, other.SubType, StringComparison.Ordinal));

    public override string ToString() => SubType is null ? Code : $"{Code}（{SubType}）";
}
