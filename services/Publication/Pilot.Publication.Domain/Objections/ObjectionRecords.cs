using Pilot.SharedKernel.Files;

namespace Pilot.Publication.Domain.Objections;

/// <summary>How to reach the objector: at least one of the two, each validated. Seen only by those who resolve.</summary>
public sealed record ObjectorContact(string? Phone, string? Email);

/// <summary>The evidence file as stored: content-addressed, its kind judged by its bytes.</summary>
public sealed record EvidenceFile(string Sha256, long Size, FileKind Kind, string? FileName);

/// <summary>One step of an objection's life, for the audit: who took it, when, and from which system.</summary>
/// <param name="Actor">The token subject, or <c>public</c> for the objector (no login).</param>
public sealed record ObjectionStep(string Action, string Actor, string Role, string? Region, string? System, DateTimeOffset At);

/// <summary>An objection raised by the public during an entry's publicity (社会公众监督, R9).</summary>
/// <param name="Reason">The resolver's reason, shown to the public with the outcome.</param>
public sealed record Objection(
    string ObjectionId,
    string EntryId,
    string BatchId,
    string OrganisationId,
    string? BranchId,
    string? RegionCode,
    string Description,
    ObjectorContact Contact,
    EvidenceFile? Evidence,
    DateTimeOffset RaisedAt,
    ObjectionStatus Status,
    string? Reason,
    DateTimeOffset? ResolvedAt,
    IReadOnlyList<ObjectionStep> History);

/// <summary>What the objector sent, after the checks of <see cref="ObjectionRules.CheckDraft"/>.</summary>
/// <param name="Evidence">The evidence's fingerprint and kind; its bytes travel beside the command, not in it.</param>
public sealed record ObjectionDraft(string EntryId, string Description, ObjectorContact Contact, EvidenceFile? Evidence);

/// <summary>An objection resolved, and the entry as the resolution leaves it.</summary>
/// <param name="Entry">The entry after the resolution, or null when it does not change (it ended already).</param>
/// <param name="Concluded">True when the resolution ended the entry's publicity (withdrawn, or passed after waiting).</param>
public sealed record ObjectionResolution(Objection Objection, Publicity.PublicityEntry? Entry, bool Concluded);
