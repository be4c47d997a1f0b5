using Pilot.Commands;
using Pilot.Publication.Domain.Directory;
using Pilot.Publication.IntegrationEvents;
using Pilot.Publication.Storage;
using Pilot.SharedKernel;
using StackExchange.Redis;

namespace Pilot.Publication.Application;

/// <summary>Publishing a directory version (五.3): the ready entries read, the version composed, hashed and stored with its announcement.</summary>
internal sealed class DirectoryCommands(CommandPipeline pipeline, DirectoryStore directories, PublicityStore publicity, IConnectionMultiplexer redis, TimeProvider clock)
{
    public Task<DirectoryVersion> PublishAsync(string requestId, string batchId, Caller caller, CancellationToken cancellationToken)
    {
        if (!RecordIds.IsWellFormed(batchId))
        {
            throw DomainException.Invalid("batch_id", RecordIds.ShapeDescription);
        }

        return pipeline.RunAsync(
            new Command<PublishReads, DirectoryVersion>(
                caller,
                requestId,
                "PublishDirectory",
                new { batchId },
                async _ =>
                {
                    var latest = await directories.ReadLatestAsync(batchId);
                    var readyIds = await redis.GetDatabase().SortedSetRangeByRankAsync(PublicationKeys.ReadyForDirectory(batchId));
                    var ready = await publicity.FindManyAsync(readyIds.Select(id => id.ToString()).ToList());
                    return new PublishReads(latest, DirectoryPublishing.Ready(ready));
                },
                reads =>
                {
                    var previous = reads.Latest.Current;
                    var (content, diff) = DirectoryPublishing.Compose(caller, batchId, previous?.Content, previous?.Version.ExportSha256, reads.Ready, clock.GetUtcNow());
                    var export = DirectoryCanonicalJson.Write(content);
                    var version = new DirectoryVersion(
                        batchId, content.Version, content.PublishedAt, caller.Subject, DirectoryCanonicalJson.Sha256Hex(export), content.PreviousSha256,
                        content.Organisations.Count, content.BranchCount, diff);
                    return CommandResult.Accepted(
                        version,
                        writes => DirectoryStore.Publish(writes, version, export),
                        new OutgoingEvent(DirectoryPublished.Topic, DirectoryPublished.EventType, DirectoryPublished.Of(content, version)));
                }),
            cancellationToken);
    }

    /// <summary>The latest version must still be the latest when the next commits; the ready set is read as it is.</summary>
    internal sealed class PublishReads(DirectoryReads latest, IReadOnlyList<DirectoryOrganisation> ready) : ICommandReads
    {
        public DirectoryReads Latest => latest;

        public IReadOnlyList<DirectoryOrganisation> Ready => ready;

        public void AddConditions(Pilot.Storage.IStateWrites commit) => latest.AddConditions(commit);
    }
}
