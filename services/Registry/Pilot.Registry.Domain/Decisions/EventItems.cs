using Pilot.Registry.Domain.Events;
using Pilot.Registry.Domain.Model;
using Pilot.Registry.Domain.Occupations;

namespace Pilot.Registry.Domain.Decisions;

/// <summary>Turns state records into the self-contained shapes events carry.</summary>
internal static class EventItems
{
    public static IReadOnlyList<OccupationItem> Of(IReadOnlyList<OccupationCoverage> occupations, OccupationCatalogue catalogue) =>
        [.. occupations.Select(o => new OccupationItem(o.Code, NameOf(o.Code, catalogue), o.SubType, o.Levels))];

    public static IReadOnlyList<OccupationItem> Of(IReadOnlyList<OccupationRef> occupations, OccupationCatalogue catalogue) =>
        [.. occupations.Select(o => new OccupationItem(o.Code, NameOf(o.Code, catalogue), o.SubType, []))];

    private static string NameOf(string code, OccupationCatalogue catalogue) => catalogue.Find(code)?.Name ?? string.Empty;
}
