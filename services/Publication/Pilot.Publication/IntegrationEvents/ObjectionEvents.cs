using Pilot.EventBus;
using Pilot.Publication.Domain.Objections;
using Pilot.Publication.Domain.Publicity;

namespace Pilot.Publication.IntegrationEvents;

/// <summary>Someone objected to an entry during its publicity. Never the objector's description, contact or evidence.</summary>
public sealed record ObjectionRaised(
    string ObjectionId,
    string EntryId,
    string FilingId,
    string BatchId,
    string? BranchId,
    string OrganisationId,
    string? RegionCode,
    string? RegionName,
    string? FilingNumber,
    DateTimeOffset RaisedAt,
    DateOnly ClosesOn) : IIntegrationEvent, IEventSubject
{
    public static string EventType => "pilot.publication.objection-raised.v1";

    public static string Topic => PilotTopics.Publication;

    public string Subject => ObjectionId;

    public static ObjectionRaised Of(Objection objection, PublicityEntry entry)
    {
        ArgumentNullException.ThrowIfNull(objection);
        ArgumentNullException.ThrowIfNull(entry);
        return new ObjectionRaised(
            objection.ObjectionId, entry.EntryId, entry.FilingId, entry.BatchId, entry.BranchId, entry.OrganisationId, entry.RegionCode, entry.RegionName,
            entry.FilingNumber, objection.RaisedAt, entry.Period.ClosesOn);
    }
}

/// <summary>An objection was upheld (the entry is withdrawn) or dismissed, with the resolver's reason.</summary>
public sealed record ObjectionResolved(
    string ObjectionId,
    string EntryId,
    string FilingId,
    string BatchId,
    string? BranchId,
    string OrganisationId,
    string? RegionCode,
    string Outcome,
    string? Reason,
    DateTimeOffset ResolvedAt) : IIntegrationEvent, IEventSubject
{
    public static string EventType => "pilot.publication.objection-resolved.v1";

    public static string Topic => PilotTopics.Publication;

    public string Subject => ObjectionId;

    public static ObjectionResolved Of(Objection objection, PublicityEntry entry)
    {
        ArgumentNullException.ThrowIfNull(objection);
        ArgumentNullException.ThrowIfNull(entry);
        return new ObjectionResolved(
            objection.ObjectionId, entry.EntryId, entry.FilingId, entry.BatchId, entry.BranchId, entry.OrganisationId, entry.RegionCode,
            PublicationEventNames.Of(objection.Status), objection.Reason, objection.ResolvedAt ?? default);
    }
}
