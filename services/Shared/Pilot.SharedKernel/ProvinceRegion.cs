using System.Collections.Frozen;
using System.Reflection;

namespace Pilot.SharedKernel;

/// <summary>
/// A province-level region by its six-digit administrative division code (GB/T 2260), e.g. 110000 北京市.
/// The catalogue is the statistics bureau list shipped with the code (mainland, 31 regions).
/// </summary>
public sealed record ProvinceRegion(string Code, string Name)
{
    private static readonly Lazy<FrozenDictionary<string, ProvinceRegion>> Catalogue = new(Load);

    public static IReadOnlyCollection<ProvinceRegion> All => Catalogue.Value.Values;

    public static bool TryFind(string? code, out ProvinceRegion region)
    {
        if (code is not null && Catalogue.Value.TryGetValue(code.Trim(), out var found))
        {
            region = found;
            return true;
        }

        region = null!;
        return false;
    }

    /// <summary>Finds a region or throws an InvalidArgument error naming <paramref name="field"/>.</summary>
    public static ProvinceRegion Parse(string? code, string field)
    {
        if (TryFind(code, out var region))
        {
            return region;
        }

        var shape = code is { Length: 6 } && code.All(char.IsAsciiDigit)
            ? $"'{code}' is not a province-level region code"
            : $"'{code}' is not a six-digit region code";
        throw DomainException.Invalid(field, shape + " (expected e.g. 110000 for 北京市)");
    }

    private static FrozenDictionary<string, ProvinceRegion> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Pilot.SharedKernel.provinces.csv")
            ?? throw new InvalidOperationException("provinces.csv is not embedded");
        using var reader = new StreamReader(stream);
        var regions = new Dictionary<string, ProvinceRegion>(StringComparer.Ordinal);
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            if (comma > 0)
            {
                var region = new ProvinceRegion(line[..comma], line[(comma + 1)..].Trim());
                regions[region.Code] = region;
            }
        }

        return regions.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
