using Pilot.EventBus;
using Pilot.Publication.Domain.Directory;

namespace Pilot.Publication.IntegrationEvents;

/// <summary>
/// A new version of a batch's directory (五.3), whole: the platform keeps its copy from this event alone and checks it
/// against <see cref="ExportSha256"/> (the hash of the canonical export, which names <see cref="PreviousSha256"/>).
/// </summary>
public sealed record DirectoryPublished(
    string BatchId,
    int Version,
    string ExportSha256,
    string? PreviousSha256,
    DateTimeOffset PublishedAt,
    int OrganisationCount,
    int BranchCount,
    IReadOnlyList<DirectoryOrganisation> Organisations,
    DirectoryChange Added,
    DirectoryChange Removed) : IIntegrationEvent, IEventSubject
{
    public static string EventType => "pilot.publication.directory-published.v1";

    public static string Topic => PilotTopics.Publication;

    public string Subject => $"{BatchId}/v{Version}";

    public static DirectoryPublished Of(DirectoryContent content, DirectoryVersion version)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(version);
        var diff = version.Diff;
        return new DirectoryPublished(
            content.BatchId, content.Version, version.ExportSha256, content.PreviousSha256, content.PublishedAt, content.Organisations.Count,
            content.BranchCount, content.Organisations, new DirectoryChange(diff.AddedOrganisationIds, diff.AddedBranchIds),
            new DirectoryChange(diff.RemovedOrganisationIds, diff.RemovedBranchIds));
    }
}

public sealed record DirectoryChange(IReadOnlyList<string> OrganisationIds, IReadOnlyList<string> BranchIds);
