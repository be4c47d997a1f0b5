using Pilot.Publication.Domain.Objections;
using Pilot.Publication.Domain.Publicity;
using Pilot.SharedKernel;
using Pilot.SharedKernel.Files;

namespace Pilot.Publication.Tests.Domain;

public sealed class ObjectionRulesTests
{
    private static readonly DateTimeOffset DuringWindow = new(2020, 10, 15, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly Caller Centre = new("centre-clerk", Roles.NationalCentre, System: "osta-admin");
    private static readonly Caller BeijingBureau = new("bj-clerk", Roles.ProvincialHr, Region: "110000");
    private static readonly Caller ShanghaiBureau = new("sh-clerk", Roles.ProvincialHr, Region: "310000");

    private static ObjectionDraft Draft(string entryId = "branch~2020~br-1", string? phone = "13800138000", string? email = null, EvidenceFile? evidence = null) =>
        ObjectionRules.CheckDraft(entryId, "该分支机构的考评场地与公示地址不符，请核查。", phone, email, evidence);

    [Theory]
    [InlineData("13800138000")]
    [InlineData("+86 139 1234 5678")]
    [InlineData("010-12345678")]
    [InlineData("0755-8765432")]
    public void A_mainland_phone_number_is_a_contact(string phone) => Assert.NotNull(Draft(phone: phone).Contact.Phone);

    [Theory]
    [InlineData("12345", null, "contact_phone")]
    [InlineData("1380013800", null, "contact_phone")]
    [InlineData(null, "not-an-address", "contact_email")]
    [InlineData(null, "a@b", "contact_email")]
    [InlineData(null, null, "contact_phone")]
    public void An_objection_without_a_valid_contact_is_refused_naming_the_field(string? phone, string? email, string field)
    {
        var refusal = Assert.Throws<DomainException>(() => Draft(phone: phone, email: email));

        Assert.Equal("R9", refusal.Rule);
        Assert.Contains(refusal.Violations, violation => violation.Field == field);
    }

    [Fact]
    public void The_description_is_measured_after_normalising_and_refuses_control_characters_but_not_line_breaks()
    {
        Assert.Contains("\n", ObjectionRules.CheckDraft("branch~2020~br-1", "第一行：地址不符。\n第二行：请核查。", "13800138000", null, null).Description);

        // "é" typed as e + combining accent is one character once normalised (NFC).
        var decomposed = new string('e', 5) + string.Concat(Enumerable.Repeat("e\u0301", 5));
        Assert.Equal(10, ObjectionRules.CheckDraft("branch~2020~br-1", decomposed, "13800138000", null, null).Description.Length);

        foreach (var bad in new[] { "请核查\u0007请核查请核查", "请核查\u001b[31m请核查请核查", "短", new string('长', ObjectionRules.DescriptionMax + 1), "请核查请核查\ud800请核查" })
        {
            var refusal = Assert.Throws<DomainException>(() => ObjectionRules.CheckDraft("branch~2020~br-1", bad, "13800138000", null, null));
            Assert.Contains(refusal.Violations, violation => violation.Field == "description");
        }
    }

    [Theory]
    [InlineData(FileKind.Pdf, true)]
    [InlineData(FileKind.Png, true)]
    [InlineData(FileKind.Jpeg, true)]
    [InlineData(FileKind.Unknown, false)]
    public void Evidence_is_taken_by_the_kind_its_bytes_show(FileKind kind, bool taken)
    {
        var evidence = new EvidenceFile("ab", 1000, kind, "现场照片.jpg");
        if (taken)
        {
            Assert.Equal(kind, Draft(evidence: evidence).Evidence!.Kind);
        }
        else
        {
            Assert.Contains(Assert.Throws<DomainException>(() => Draft(evidence: evidence)).Violations, violation => violation.Field == "evidence");
        }
    }

    [Fact]
    public void Oversize_evidence_and_a_path_for_a_file_name_are_refused()
    {
        var oversize = Assert.Throws<DomainException>(() => Draft(evidence: new EvidenceFile("", ObjectionRules.EvidenceMaxBytes + 1, FileKind.Pdf, null)));
        Assert.Contains(oversize.Violations, violation => violation.Field == "evidence");
        var path = Assert.Throws<DomainException>(() => Draft(evidence: new EvidenceFile("ab", 10, FileKind.Pdf, "../../etc/passwd")));
        Assert.Contains(path.Violations, violation => violation.Field == "evidence_file_name");
    }

    [Fact]
    public void An_objection_is_raised_only_while_the_window_is_open_and_is_counted_by_the_entry()
    {
        var entry = Entries.Branch();
        var (objection, counted) = ObjectionRules.Raise(entry, Draft(), "obj-1", DuringWindow);

        Assert.Equal(ObjectionStatus.Open, objection.Status);
        Assert.Equal("110000", objection.RegionCode);
        Assert.Equal(1, counted.UnresolvedObjections);
        Assert.Equal("raised", Assert.Single(objection.History).Action);

        var late = Assert.Throws<DomainException>(() => ObjectionRules.Raise(entry, Draft(), "obj-2", Entries.EndOfWindow));
        Assert.Equal(ErrorKind.Precondition, late.Kind);
        var passed = Assert.Throws<DomainException>(() => ObjectionRules.Raise(entry with { Status = PublicityStatus.Passed }, Draft(), "obj-3", DuringWindow));
        Assert.Equal(ErrorKind.Precondition, passed.Kind);
        Assert.Equal(ErrorKind.NotFound, Assert.Throws<DomainException>(() => ObjectionRules.Raise(null, Draft(), "obj-4", DuringWindow)).Kind);
    }

    [Fact]
    public void Upholding_withdraws_the_entry_and_records_who_did_it_from_which_system()
    {
        var (objection, entry) = ObjectionRules.Raise(Entries.Branch(), Draft(), "obj-1", DuringWindow);

        var resolution = ObjectionRules.Resolve(objection, entry, Centre, ObjectionStatus.Upheld, "核查属实：场地与公示不符", DuringWindow.AddHours(3));

        Assert.True(resolution.Concluded);
        Assert.Equal(PublicityStatus.Withdrawn, resolution.Entry!.Status);
        Assert.Equal(ObjectionStatus.Upheld, resolution.Objection.Status);
        var step = resolution.Objection.History[^1];
        Assert.Equal(("upheld", "centre-clerk", Roles.NationalCentre, "osta-admin"), (step.Action, step.Actor, step.Role, step.System));
    }

    [Fact]
    public void Dismissing_the_last_objection_of_a_waiting_entry_lets_it_pass_and_one_of_an_open_entry_only_uncounts_it()
    {
        var (objection, entry) = ObjectionRules.Raise(Entries.Branch(), Draft(), "obj-1", DuringWindow);

        var whileOpen = ObjectionRules.Resolve(objection, entry, BeijingBureau, ObjectionStatus.Dismissed, "经核查不属实", DuringWindow.AddHours(1));
        Assert.False(whileOpen.Concluded);
        Assert.Equal((PublicityStatus.Open, 0), (whileOpen.Entry!.Status, whileOpen.Entry.UnresolvedObjections));

        var waiting = PublicityClosing.Close(entry, Entries.EndOfWindow)!;
        var afterWindow = ObjectionRules.Resolve(objection, waiting, BeijingBureau, ObjectionStatus.Dismissed, "经核查不属实", Entries.EndOfWindow.AddDays(1));
        Assert.True(afterWindow.Concluded);
        Assert.Equal(PublicityStatus.Passed, afterWindow.Entry!.Status);
    }

    [Fact]
    public void A_bureau_resolves_its_own_regions_objections_only_and_the_centre_alone_those_of_an_organisation()
    {
        var (objection, entry) = ObjectionRules.Raise(Entries.Branch(), Draft(), "obj-1", DuringWindow);
        var other = Assert.Throws<DomainException>(() => ObjectionRules.Resolve(objection, entry, ShanghaiBureau, ObjectionStatus.Upheld, "理由", DuringWindow));
        Assert.Equal((ErrorKind.Forbidden, "R6"), (other.Kind, other.Rule));

        var (onOrganisation, organisation) = ObjectionRules.Raise(Entries.Organisation(), Draft("organisation~2020~org-1"), "obj-2", DuringWindow);
        Assert.Equal(ErrorKind.Forbidden, Assert.Throws<DomainException>(() =>
            ObjectionRules.Resolve(onOrganisation, organisation, BeijingBureau, ObjectionStatus.Dismissed, "理由", DuringWindow)).Kind);
        Assert.False(ObjectionRules.Resolve(onOrganisation, organisation, Centre, ObjectionStatus.Dismissed, "理由", DuringWindow).Concluded);
    }

    [Fact]
    public void An_objection_is_resolved_once_and_a_resolution_needs_a_reason()
    {
        var (objection, entry) = ObjectionRules.Raise(Entries.Branch(), Draft(), "obj-1", DuringWindow);
        Assert.Contains(
            Assert.Throws<DomainException>(() => ObjectionRules.Resolve(objection, entry, Centre, ObjectionStatus.Dismissed, " ", DuringWindow)).Violations,
            violation => violation.Field == "reason");

        var resolved = ObjectionRules.Resolve(objection, entry, Centre, ObjectionStatus.Dismissed, "不属实", DuringWindow);
        var again = Assert.Throws<DomainException>(() => ObjectionRules.Resolve(resolved.Objection, resolved.Entry!, Centre, ObjectionStatus.Upheld, "属实", DuringWindow));
        Assert.Equal(ErrorKind.Precondition, again.Kind);
    }
}
