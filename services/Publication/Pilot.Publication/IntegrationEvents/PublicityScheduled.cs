using Pilot.EventBus;
using Pilot.Publication.Domain.Publicity;

namespace Pilot.Publication.IntegrationEvents;

/// <summary>
/// An entry goes into online publicity (三.5) from <see cref="OpensOn"/> to <see cref="ClosesOn"/>: a filed branch, or its
/// organisation with its first accepted branch. What the information platform shows, and the days in which the
/// public may object.
/// </summary>
/// <param name="Kind"><c>organisation</c> or <c>branch</c>.</param>
/// <param name="BranchId">Null on an organisation's entry.</param>
public sealed record PublicityScheduled(
    string EntryId,
    string Kind,
    string FilingId,
    string BatchId,
    string? BranchId,
    string OrganisationId,
    string? OrganisationName,
    string? BranchName,
    string? CreditCode,
    string? RegionCode,
    string? RegionName,
    string? Address,
    string? FilingNumber,
    string? SponsorId,
    string? SponsorName,
    IReadOnlyList<ListedOccupation> Occupations,
    DateOnly OpensOn,
    DateOnly ClosesOn,
    DateTimeOffset ClosesAt) : IIntegrationEvent, IEventSubject
{
    public static string EventType => "pilot.publication.publicity-scheduled.v1";

    public static string Topic => PilotTopics.Publication;

    public string Subject => EntryId;

    public static PublicityScheduled Of(PublicityEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var listing = entry.Listing;
        return new PublicityScheduled(
            entry.EntryId, PublicationEventNames.Of(entry.Kind), entry.FilingId, entry.BatchId, entry.BranchId, entry.OrganisationId,
            listing.OrganisationName, listing.BranchName, listing.CreditCode, entry.RegionCode, entry.RegionName, listing.Address, entry.FilingNumber,
            listing.SponsorId, listing.SponsorName, listing.Occupations, entry.Period.OpensOn, entry.Period.ClosesOn, entry.Period.ClosesAt);
    }
}
