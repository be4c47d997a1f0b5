using Pilot.Commands;
using Pilot.EventBus;
using Pilot.Filing.Domain.Deadlines;
using Pilot.Filing.Domain.Filings;
using Pilot.Filing.Domain.Materials;
using DomainEvents = Pilot.Filing.Domain.Events;

namespace Pilot.Filing.IntegrationEvents;

/// <summary>
/// The one place where the domain's events become the contracts other services read: each domain event maps to
/// its integration event, published under that contract's topic and CloudEvents type.
/// </summary>
internal static class IntegrationEventMapper
{
    public static IReadOnlyList<OutgoingEvent> ToOutgoing(IReadOnlyList<DomainEvents.FilingEvent> events) => [.. events.Select(ToOutgoing)];

    public static OutgoingEvent ToOutgoing(DomainEvents.FilingEvent domainEvent) => domainEvent switch
    {
        DomainEvents.PackageSubmitted e => Outgoing(new PackageSubmitted(
            e.PackageId, e.BatchId, e.SponsorOrgId, Name(e.SubmitterKind), e.DocumentIds, Of(e.Lateness), e.OccurredAt)),
        DomainEvents.PackageAccepted e => Outgoing(new PackageAccepted(
            e.PackageId, e.BatchId, e.SponsorOrgId, Name(e.SubmitterKind), e.VersionNumber, e.ReceiptNumber, e.ReceivedAt, Of(e.Lateness),
            e.BranchIds, e.OccurredAt)),
        DomainEvents.PackageRefused e => Outgoing(new PackageRefused(
            e.PackageId, e.BatchId, e.SponsorOrgId, Name(e.SubmitterKind), [.. e.Missing.Select(m => new MissingItem(m.Field, m.Description))], e.OccurredAt)),
        DomainEvents.FilingSubmitted e => Outgoing(new FilingSubmitted(
            e.FilingId, e.BatchId, e.BranchId, e.OrganisationId, e.RegionCode, e.RegionName, Of(e.Occupations), e.Attempt, Of(e.Lateness), e.OccurredAt)),
        DomainEvents.FilingAccepted e => Outgoing(new FilingAccepted(
            e.FilingId, e.BatchId, e.FilingNumber, e.FiledOn, e.BranchId, e.OrganisationId, e.RegionCode, e.RegionName, Of(e.Occupations), e.OccurredAt)),
        DomainEvents.FilingRejected e => Outgoing(new FilingRejected(
            e.FilingId, e.BatchId, e.BranchId, e.OrganisationId, e.RegionCode, e.RegionName, e.Reason, e.OccurredAt)),
        _ => throw new ArgumentException($"no integration contract maps {domainEvent.GetType().Name}", nameof(domainEvent)),
    };

    private static OutgoingEvent Outgoing<TEvent>(TEvent contract)
        where TEvent : FilingIntegrationEvent, IIntegrationEvent =>
        new(TEvent.Topic, TEvent.EventType, contract);

    private static EventLateness Of(Lateness lateness) =>
        new(lateness.DueDate, lateness.SubmittedOn, lateness.CalendarDaysLate, lateness.WorkingDaysLate);

    private static EventOccupation[] Of(IReadOnlyList<Occupation> occupations) => [.. occupations.Select(o => new EventOccupation(o.Code, o.SubType))];

    // The names the bus's camelCase enum converter gave the domain's enum when the domain's records were published.
    private static string Name(SubmitterKind kind) => kind switch
    {
        SubmitterKind.Department => "department",
        SubmitterKind.IndustryOrganisation => "industryOrganisation",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a kind of sponsor"),
    };
}
