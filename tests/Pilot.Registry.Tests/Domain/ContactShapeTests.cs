using Pilot.Registry.Domain.Commands;
using Pilot.Registry.Domain.Model;
using Pilot.SharedKernel;
using static Pilot.Registry.Tests.Domain.TestData;

namespace Pilot.Registry.Tests.Domain;

/// <summary>Phone and e-mail shapes, seen through the one command that takes nothing but contacts.</summary>
public sealed class ContactShapeTests
{
    private static void Accept(string phone, string email) =>
        Decider.ReplaceContacts(new ReplaceContacts("r", OrgA, [new Contact("联系人", phone, email)]), NationalCentre, Seeded());

    private static IEnumerable<string> Fields(string phone, string email) =>
        Refused(() => Decider.ReplaceContacts(new ReplaceContacts("r", OrgA, [new Contact("联系人", phone, email)]), NationalCentre, Seeded()))
            .Violations.Select(v => v.Field);

    [Theory]
    [InlineData("13912345678")]
    [InlineData("+86 13912345678")]
    [InlineData("010-84661143")]
    [InlineData("0571-88776655")]
    [InlineData("01084661143")]
    [InlineData("010-84661143-1130")]
    public void Accepts_mainland_mobiles_and_landlines(string phone) => Accept(phone, "a@example.org");

    [Theory]
    [InlineData("12912345678")]
    [InlineData("1391234567")]
    [InlineData("84661143")]
    [InlineData("phone")]
    [InlineData("")]
    public void Refuses_other_phone_shapes(string phone) => Assert.Equal(["contacts[0].phone"], Fields(phone, "a@example.org"));

    [Theory]
    [InlineData("jiandingchu@cettic.gov.cn")]
    [InlineData("first.last+tag@example.org")]
    public void Accepts_ordinary_addresses(string email) => Accept("13912345678", email);

    [Theory]
    [InlineData("no-at-sign.example.org")]
    [InlineData("two@@example.org")]
    [InlineData("user@localhost")]
    [InlineData("user @example.org")]
    public void Refuses_other_email_shapes(string email) => Assert.Equal(["contacts[0].email"], Fields("13912345678", email));

    [Fact]
    public void An_empty_contact_list_is_refused()
    {
        var error = Refused(() => Decider.ReplaceContacts(new ReplaceContacts("r", OrgA, []), NationalCentre, Seeded()));
        Assert.Equal(ErrorKind.Invalid, error.Kind);
        Assert.Equal("contacts", Assert.Single(error.Violations).Field);
    }
}
