using Pilot.SharedKernel;

namespace Pilot.Publication.Domain.Publicity;

/// <summary>
/// Publicity entry ids: <c>branch~&lt;batch&gt;~&lt;branch id&gt;</c> and <c>organisation~&lt;batch&gt;~&lt;organisation id&gt;</c>.
/// Record ids never hold a <c>~</c>, so the id reads back unambiguously, and it stays one URL path segment.
/// </summary>
public static class EntryIds
{
    private const char Separator = '~';

    public static string ForBranch(string batchId, string branchId) => string.Join(Separator, "branch", batchId, branchId);

    public static string ForOrganisation(string batchId, string organisationId) => string.Join(Separator, "organisation", batchId, organisationId);

    /// <summary>The kind, batch and party of an entry id, or a refusal naming <paramref name="field"/>.</summary>
    public static (EntryKind Kind, string BatchId, string PartyId) Parse(string? entryId, string field = "entry_id")
    {
        var parts = (entryId ?? string.Empty).Split(Separator);
        if (parts.Length == 3 && RecordIds.IsWellFormed(parts[1]) && RecordIds.IsWellFormed(parts[2]))
        {
            switch (parts[0])
            {
                case "branch":
                    return (EntryKind.Branch, parts[1], parts[2]);
                case "organisation":
                    return (EntryKind.Organisation, parts[1], parts[2]);
            }
        }

        throw DomainException.Invalid(field, "is not a publicity entry id (branch~<batch>~<branch id> or organisation~<batch>~<organisation id>)");
    }
}
