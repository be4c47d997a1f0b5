using System.Text.Json;
using Pilot.Commands;
using Pilot.EventBus;
using Pilot.Registry.Domain.Model;
using Facts = Pilot.Registry.Domain.Events;

namespace Pilot.Registry.IntegrationEvents;

/// <summary>
/// The Registry's domain events as the contracts it publishes on <c>registry-events</c>: the one place where a domain
/// fact becomes a versioned CloudEvents type, so the domain can change without changing what subscribers read.
/// </summary>
public static class RegistryEventMapper
{
    public static OutgoingEvent ToOutgoing(Facts.IRegistryEvent evt) => evt switch
    {
        Facts.BatchOpened e => Out(new BatchOpened(e.BatchId, e.Name, e.PlanStandardsAndFirstListDue, e.LocalFilingGuidanceDue, e.ImplementationPublicityAndDirectoryDue)),
        Facts.BatchClosed e => Out(new BatchClosed(e.BatchId, e.Name)),
        Facts.SponsorRegistered e => Out(new SponsorRegistered(
            e.SponsorId, Name(e.Kind), e.Name, e.IndustryKind is { } kind ? Name(kind) : null, Occupations(e.Occupations), e.MemberAssociations)),
        Facts.OrganisationsRecommended e => Out(new OrganisationsRecommended(
            e.BatchId, e.DepartmentId, e.DepartmentName,
            [.. e.Organisations.Select(o => new EventRecommendedOrganisation(o.OrganisationId, o.Name, o.CreditCode, Occupations(o.Occupations)))],
            Occupations(e.FormerOccupations))),
        Facts.ExceptionRecorded e => Out(new ExceptionRecorded(Name(e.Party), e.CreditCode, e.PartyId, e.PartyName, e.Rule, e.Reason, e.RecordedBy, e.RecordedAt)),
        Facts.OrganisationRegistered e => Out(new OrganisationRegistered(
            e.OrganisationId, e.CreditCode, e.Name, e.LegalForm, e.IsIndustryOrganisation, e.IndustryKind is { } kind ? Name(kind) : null,
            Occupations(e.Occupations), Contacts(e.Contacts), e.ExceptionReason)),
        Facts.OrganisationContactsChanged e => Out(new OrganisationContactsChanged(e.OrganisationId, e.Name, Contacts(e.Contacts))),
        Facts.BranchAdded e => Out(new BranchAdded(
            e.BranchId, e.OrganisationId, e.OrganisationName, e.IsIndustryOrganisation, e.BatchId, e.Name, e.CreditCode, e.RegionCode, e.RegionName,
            e.Address, Eligibility(e.Eligibility), Occupations(e.Occupations), e.ExceptionReason)),
        Facts.BranchChanged e => Out(new BranchChanged(
            e.BranchId, e.OrganisationId, e.OrganisationName, e.IsIndustryOrganisation, e.BatchId, e.Name, e.CreditCode, e.RegionCode, e.RegionName,
            e.PreviousRegionCode, e.Address, Eligibility(e.Eligibility), Occupations(e.Occupations), e.ExceptionReason)),
        _ => throw new ArgumentOutOfRangeException(nameof(evt), evt?.GetType().Name, "a Registry domain event with no published contract"),
    };

    private static OutgoingEvent Out<TEvent>(TEvent contract)
        where TEvent : IIntegrationEvent => new(TEvent.Topic, TEvent.EventType, contract!);

    // Enums travel by camelCase name, as the bus writes them.
    private static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    private static IReadOnlyList<EventOccupation> Occupations(IReadOnlyList<Facts.OccupationItem> occupations) =>
        [.. occupations.Select(o => new EventOccupation(o.Code, o.Name, o.SubType, o.Levels))];

    private static IReadOnlyList<EventContact> Contacts(IReadOnlyList<Contact> contacts) =>
        [.. contacts.Select(c => new EventContact(c.Name, c.Phone, c.Email))];

    private static EventEligibility Eligibility(EligibilityFacts facts) =>
        new(facts.IsGovernmentBody, facts.BelongsToGovernmentBody, facts.IsAssociation, facts.IsDecoupledFromSupervisor, facts.IsProfessionalAssociation);
}
