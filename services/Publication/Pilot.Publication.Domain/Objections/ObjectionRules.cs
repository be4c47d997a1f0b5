using System.Text.RegularExpressions;
using Pilot.Publication.Domain.Publicity;
using Pilot.Publication.Domain.Text;
using Pilot.SharedKernel;
using Pilot.SharedKernel.Files;

namespace Pilot.Publication.Domain.Objections;

/// <summary>
/// The public's objections (社会公众监督, R9) and their resolution (R5, R6): anyone may object to an entry while its window
/// is open; the national centre or the bureau of the branch's region upholds (the entry is withdrawn) or dismisses.
/// </summary>
public static partial class ObjectionRules
{
    public const int DescriptionMin = 10;
    public const int DescriptionMax = 2000;
    public const int ReasonMax = 500;
    public const int EmailMax = 254;
    public const int FileNameMax = 128;
    public const long EvidenceMaxBytes = 2L * 1024 * 1024;

    /// <summary>Checks what an objector sent; every fault at once, each naming its field.</summary>
    public static ObjectionDraft CheckDraft(string entryId, string? description, string? phone, string? email, EvidenceFile? evidence)
    {
        EntryIds.Parse(entryId);
        var violations = new List<FieldViolation>();
        var text = PublicText.Check(violations, "description", description, DescriptionMin, DescriptionMax, prose: true);
        var checkedPhone = CheckPhone(violations, phone);
        var checkedEmail = CheckEmail(violations, email);
        if (checkedPhone is null && checkedEmail is null && !violations.Any(v => v.Field is "contact_phone" or "contact_email"))
        {
            violations.Add(new FieldViolation("contact_phone", "an objection needs a contact: a phone number or an e-mail address"));
        }

        if (evidence is not null)
        {
            if (evidence.Size > EvidenceMaxBytes)
            {
                violations.Add(new FieldViolation("evidence", "is larger than 2 MiB"));
            }
            else if (!FileKinds.Evidence.Contains(evidence.Kind))
            {
                violations.Add(new FieldViolation("evidence", "is not a PDF, Word, OFD, PNG or JPEG file; its content was checked, not its name"));
            }

            var name = PublicText.Check(violations, "evidence_file_name", evidence.FileName, 0, FileNameMax);
            if (name is not null && name.IndexOfAny(['/', '\\']) >= 0)
            {
                violations.Add(new FieldViolation("evidence_file_name", "is a name, not a path: no '/' or '\\'"));
            }

            evidence = evidence with { FileName = name };
        }

        if (violations.Count > 0)
        {
            throw new DomainException(ErrorKind.Invalid, "R9", "R9: the objection cannot be taken as sent", violations);
        }

        return new ObjectionDraft(entryId, text!, new ObjectorContact(checkedPhone, checkedEmail), evidence);
    }

    /// <summary>The objection raised, and the entry counting it as unresolved.</summary>
    public static (Objection Objection, PublicityEntry Entry) Raise(PublicityEntry? entry, ObjectionDraft draft, string objectionId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (entry is null)
        {
            throw DomainException.NotFound("entry_id", $"no publicity entry {Shortened.To(draft.EntryId, 140)}");
        }

        if (!entry.AcceptsObjectionsAt(now))
        {
            throw DomainException.Precondition(
                "entry_id",
                $"the publicity of {entry.EntryId} ended on {entry.Period.ClosesOn:yyyy-MM-dd}; objections are taken while the window is open",
                "R9");
        }

        var objection = new Objection(
            objectionId, entry.EntryId, entry.BatchId, entry.OrganisationId, entry.BranchId, entry.RegionCode, draft.Description, draft.Contact,
            draft.Evidence, now, ObjectionStatus.Open, null, null, [new ObjectionStep("raised", "public", Caller.Anonymous.Role, null, null, now)]);
        return (objection, entry with { UnresolvedObjections = entry.UnresolvedObjections + 1 });
    }

    /// <summary>Whether <paramref name="caller"/> may read and resolve the objections of <paramref name="regionCode"/>'s entries.</summary>
    public static bool MayResolve(Caller caller, string? regionCode)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.IsNationalCentre || (regionCode is not null && caller.IsBureauOf(regionCode));
    }

    public static ObjectionResolution Resolve(Objection objection, PublicityEntry entry, Caller caller, ObjectionStatus outcome, string? reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(objection);
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(caller);
        if (!MayResolve(caller, entry.RegionCode))
        {
            throw DomainException.Forbidden(
                entry.RegionCode is null
                    ? "the objections to an organisation's entry are resolved by the national centre"
                    : $"only the national centre or the bureau of region {entry.RegionCode} resolves this objection",
                "R6");
        }

        if (outcome is not (ObjectionStatus.Upheld or ObjectionStatus.Dismissed))
        {
            throw DomainException.Invalid("outcome", "is upheld or dismissed");
        }

        var violations = new List<FieldViolation>();
        var checkedReason = PublicText.Check(violations, "reason", reason, 1, ReasonMax, prose: true);
        if (violations.Count > 0)
        {
            throw new DomainException(ErrorKind.Invalid, null, "the resolution needs a reason", violations);
        }

        if (objection.Status != ObjectionStatus.Open)
        {
            throw DomainException.Precondition("objection_id", $"objection {objection.ObjectionId} was {objection.Status.ToString().ToLowerInvariant()} already");
        }

        var step = new ObjectionStep(outcome == ObjectionStatus.Upheld ? "upheld" : "dismissed", caller.Subject, caller.Role, caller.Region, caller.System, now);
        var resolved = objection with { Status = outcome, Reason = checkedReason, ResolvedAt = now, History = [.. objection.History, step] };

        // An entry counts an objection only in the round it was raised in; a later round starts from zero.
        if (entry.HasEnded || objection.RaisedAt < entry.AcceptedAt)
        {
            return new ObjectionResolution(resolved, null, Concluded: false);
        }

        var remaining = Math.Max(0, entry.UnresolvedObjections - 1);
        if (outcome == ObjectionStatus.Upheld)
        {
            return new ObjectionResolution(resolved, entry with { Status = PublicityStatus.Withdrawn, ConcludedAt = now, UnresolvedObjections = remaining }, Concluded: true);
        }

        return entry.Status == PublicityStatus.AwaitingResolution && remaining == 0
            ? new ObjectionResolution(resolved, entry with { Status = PublicityStatus.Passed, ConcludedAt = now, UnresolvedObjections = 0 }, Concluded: true)
            : new ObjectionResolution(resolved, entry with { UnresolvedObjections = remaining }, Concluded: false);
    }

    private static string? CheckPhone(List<FieldViolation> violations, string? phone)
    {
        var text = PublicText.Check(violations, "contact_phone", phone, 0, 32);
        if (text is null)
        {
            return null;
        }

        var digits = text.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (digits.StartsWith("+86", StringComparison.Ordinal))
        {
            digits = digits[3..].TrimStart('-');
        }

        if (Mobile().IsMatch(digits) || Landline().IsMatch(digits))
        {
            return digits;
        }

        violations.Add(new FieldViolation("contact_phone", "is not a mainland mobile number (11 digits starting 13–19) or a landline with its area code (010-12345678)"));
        return null;
    }

    private static string? CheckEmail(List<FieldViolation> violations, string? email)
    {
        var text = PublicText.Check(violations, "contact_email", email, 0, EmailMax);
        if (text is null)
        {
            return null;
        }

        if (Email().IsMatch(text))
        {
            return text;
        }

        violations.Add(new FieldViolation("contact_email", "is not an e-mail address (name@domain.cn)"));
        return null;
    }

    [GeneratedRegex(@"^1[3-9][0-9]{9}$", RegexOptions.CultureInvariant)]
    private static partial Regex Mobile();

    [GeneratedRegex(@"^0[1-9][0-9]{1,2}-?[1-9][0-9]{6,7}$", RegexOptions.CultureInvariant)]
    private static partial Regex Landline();

    [GeneratedRegex(@"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$", RegexOptions.CultureInvariant)]
    private static partial Regex Email();
}
