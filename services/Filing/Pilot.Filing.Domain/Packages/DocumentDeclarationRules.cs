using Pilot.Filing.Domain.Files;
using Pilot.Filing.Domain.Materials;
using Pilot.SharedKernel;
using Pilot.SharedKernel.Files;

namespace Pilot.Filing.Domain.Packages;

/// <summary>
/// Checks that what a package declares makes sense before asking whether it is complete: documents and
/// ids the checklist knows, no document twice, and files of an accepted format and size. A typo in a
/// section id would otherwise surface as a confusing "section missing".
/// </summary>
public static class DocumentDeclarationRules
{
    public static IReadOnlyList<FieldViolation> Violations(SubmitterKind kind, IReadOnlyList<PackageDocument> documents, UploadLimits limits)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(limits);
        var checklist = MaterialChecklist.For(kind).ToDictionary(requirement => requirement.Id, StringComparer.Ordinal);
        var violations = new List<FieldViolation>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        foreach (var document in documents)
        {
            var id = document.DocumentId ?? string.Empty;
            var path = $"documents[{id}]";
            if (!checklist.TryGetValue(id, out var requirement))
            {
                violations.Add(new FieldViolation(path, $"'{id}' is not a document of the {Describe(kind)} checklist"));
                continue;
            }

            if (!seen.Add(id))
            {
                violations.Add(new FieldViolation(path, "the document is handed in more than once; send one file per document"));
                continue;
            }

            violations.AddRange(FileViolations(path + ".file", document.File, limits));

            var sectionIds = requirement.Sections.Select(section => section.Id).ToHashSet(StringComparer.Ordinal);
            violations.AddRange(document.Sections
                .Where(section => !sectionIds.Contains(section))
                .Select(section => new FieldViolation($"{path}.sections[{section}]", $"'{section}' is not a section of {requirement.Title}")));

            var regulationIds = requirement.Regulations.Select(regulation => regulation.Id).ToHashSet(StringComparer.Ordinal);
            violations.AddRange(document.Regulations
                .Where(regulation => !regulationIds.Contains(regulation))
                .Select(regulation => new FieldViolation(
                    $"{path}.regulations[{regulation}]",
                    regulationIds.Count == 0
                        ? $"{requirement.Title} carries no regulations; they belong in the implementation plan"
                        : $"'{regulation}' is not one of the twelve regulations of the checklist")));
        }

        return violations;
    }

    private static IEnumerable<FieldViolation> FileViolations(string path, DocumentFile? file, UploadLimits limits)
    {
        if (file is null)
        {
            yield return new FieldViolation(path, "no file was attached");
            yield break;
        }

        if (!Sha256Hex.IsValid(file.Sha256))
        {
            yield return new FieldViolation(path + ".sha256", "a stored file is named by 64 lower-case hex digits of its SHA-256");
        }

        if (file.Size <= 0)
        {
            yield return new FieldViolation(path, "the file is empty");
        }
        else if (file.Size > limits.MaxBytes)
        {
            yield return new FieldViolation(path, $"the file is larger than the limit of {limits.Describe()}");
        }

        if (!FileKinds.Documents.Contains(file.Kind))
        {
            yield return new FieldViolation(path, "the file is not a PDF, Word (.docx or .doc) or OFD document");
        }
    }

    private static string Describe(SubmitterKind kind) =>
        kind == SubmitterKind.Department ? "department" : "industry organisation";
}
