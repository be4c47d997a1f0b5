namespace Pilot.FactCopies.Tests.Support;

/// <summary>What Notification keeps of an organisation to send reminders (R8).</summary>
public sealed record OrganisationFacts(string Id, string Name, string CreditCode, IReadOnlyList<Contact> Contacts);

/// <summary>An organisation found by its 统一社会信用代码: a second kind built from the same registration.</summary>
public sealed record CreditCodeFacts(string CreditCode, string OrganisationId);

public sealed record BranchFacts(string Id, string OrganisationId, string Name, string CreditCode, string RegionCode, string RegionName);
