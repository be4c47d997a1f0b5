using System.Collections.Frozen;

namespace Pilot.Registry.Domain.Occupations;

/// <summary>
/// The occupations the registry knows, with their qualification kinds. Reference data, not state:
/// it ships with the code, so every replica decides R2 the same way.
/// </summary>
public sealed class OccupationCatalogue
{
    private static readonly Lazy<OccupationCatalogue> Embedded = new(OccupationCatalogueLoader.LoadEmbedded);

    private readonly FrozenDictionary<string, Occupation> byCode;

    public OccupationCatalogue(IEnumerable<Occupation> occupations)
    {
        byCode = occupations.ToFrozenDictionary(o => o.Code, StringComparer.Ordinal);
        All = [.. byCode.Values.OrderBy(o => o.Code, StringComparer.Ordinal)];
    }

    /// <summary>The 2022 classification with the curated kinds of Data/qualification_kinds.csv.</summary>
    public static OccupationCatalogue Default => Embedded.Value;

    /// <summary>Every occupation, ordered by code.</summary>
    public IReadOnlyList<Occupation> All { get; }

    public Occupation? Find(string? code) =>
        code is not null && byCode.TryGetValue(code.Trim(), out var occupation) ? occupation : null;
}
