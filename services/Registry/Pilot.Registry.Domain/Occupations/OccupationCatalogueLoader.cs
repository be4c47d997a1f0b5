using System.Reflection;

namespace Pilot.Registry.Domain.Occupations;

/// <summary>Reads the embedded CSV files into an <see cref="OccupationCatalogue"/>.</summary>
internal static class OccupationCatalogueLoader
{
    private const string ClassificationResource = "Pilot.Registry.Domain.occupation_classification_2022.csv";
    private const string KindsResource = "Pilot.Registry.Domain.qualification_kinds.csv";

    public static OccupationCatalogue LoadEmbedded()
    {
        var kinds = ReadRows(KindsResource)
            .ToDictionary(
                row => row[0],
                row => (Kind: Enum.Parse<QualificationKind>(row[2]), Source: row[3]),
                StringComparer.Ordinal);

        var occupations = ReadRows(ClassificationResource).Select(row =>
        {
            var code = row[0];
            var known = kinds.TryGetValue(code, out var entry);
            return new Occupation(
                code,
                row[1],
                row[5],
                known ? entry.Kind : QualificationKind.NotInCatalogue,
                known ? entry.Source : null,
                []);
        });

        return new OccupationCatalogue(occupations);
    }

    // Neither file quotes fields or has commas inside one, so a split is enough; the header row and
    // '#' comment lines are skipped.
    private static List<string[]> ReadRows(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"{resource} is not embedded");
        using var reader = new StreamReader(stream);
        var rows = new List<string[]>();
        var headerSeen = false;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (!headerSeen)
            {
                headerSeen = true;
                continue;
            }

            rows.Add(line.Split(','));
        }

        return rows;
    }
}
