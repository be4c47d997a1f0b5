using Pilot.Filing.Domain.Materials;
using Pilot.SharedKernel;

namespace Pilot.Filing.Domain.Packages;

/// <summary>
/// R7: everything the checklist requires that a package does not declare, one entry per missing item.
/// A missing document is one entry; its sections are not listed again, because the whole document is owed.
/// </summary>
public static class PackageCompleteness
{
    public static IReadOnlyList<FieldViolation> Missing(SubmitterKind kind, IReadOnlyList<PackageDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var byId = documents
            .GroupBy(document => document.DocumentId, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);
        var missing = new List<FieldViolation>();

        foreach (var requirement in MaterialChecklist.For(kind))
        {
            var path = $"documents[{requirement.Id}]";
            if (!byId.TryGetValue(requirement.Id, out var document))
            {
                missing.Add(new FieldViolation(path, $"missing document {requirement.Number}: {requirement.Title} ({requirement.Gloss})"));
                continue;
            }

            var sections = document.Sections.ToHashSet(StringComparer.Ordinal);
            missing.AddRange(requirement.Sections
                .Where(section => !sections.Contains(section.Id))
                .Select(section => new FieldViolation(
                    $"{path}.sections[{section.Id}]",
                    $"{requirement.Title} lacks the section {section.Title} ({section.Gloss})")));

            var regulations = document.Regulations.ToHashSet(StringComparer.Ordinal);
            missing.AddRange(requirement.Regulations
                .Where(regulation => !regulations.Contains(regulation.Id))
                .Select(regulation => new FieldViolation(
                    $"{path}.regulations[{regulation.Id}]",
                    $"{requirement.Title} lacks the regulation {regulation.Title} ({regulation.Gloss})")));
        }

        return missing;
    }
}
