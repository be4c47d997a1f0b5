using System.Text.RegularExpressions;
using Pilot.Registry.Domain.Model;
using Pilot.SharedKernel;

namespace Pilot.Registry.Domain.Validation;

/// <summary>
/// Checks contacts by shape only: a mainland mobile (11 digits starting 13–19) or a landline with
/// area code (e.g. the notice's own 010-84661143), optionally +86 and an extension; an e-mail
/// with one '@' and a dotted domain. Whether a number rings is not the registry's to know.
/// </summary>
internal static partial class Contacts
{
    public const int MaxContacts = FieldLimits.Contacts;

    public static IReadOnlyList<Contact> Check(IReadOnlyList<Contact>? contacts, string field, Violations violations)
    {
        contacts ??= [];
        if (contacts.Count == 0)
        {
            violations.Add(field, "at least one contact is needed, so the organisation can be reminded of deadlines (R8)");
        }
        else if (contacts.Count > MaxContacts)
        {
            violations.Add(field, $"at most {MaxContacts} contacts, this has {contacts.Count}");
        }

        var checkedContacts = new List<Contact>(contacts.Count);
        for (var i = 0; i < contacts.Count; i++)
        {
            var path = $"{field}[{i}]";
            var contact = contacts[i];
            var name = Text.Required(contact?.Name, path + ".name", Text.NameMaxLength, violations);
            var phone = (contact?.Phone ?? string.Empty).Trim();
            var email = (contact?.Email ?? string.Empty).Trim();
            if (!IsPhone(phone))
            {
                violations.Add(path + ".phone", $"'{phone}' is not a phone number (e.g. 13912345678 or 010-84661143)");
            }

            if (!IsEmail(email))
            {
                violations.Add(path + ".email", $"'{email}' is not an e-mail address (e.g. jiandingchu@cettic.gov.cn)");
            }

            checkedContacts.Add(new Contact(name, phone, email));
        }

        return checkedContacts;
    }

    public static bool IsPhone(string phone) => Mobile().IsMatch(phone) || Landline().IsMatch(phone);

    public static bool IsEmail(string email) => Email().IsMatch(email);

    [GeneratedRegex(@"^(\+86[ -]?)?1[3-9]\d{9}$", RegexOptions.CultureInvariant)]
    private static partial Regex Mobile();

    [GeneratedRegex(@"^(\+86[ -]?0?|0)[1-9]\d{1,2}[ -]?\d{7,8}([ -]?(转|ext\.?|-)?\d{1,6})?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Landline();

    [GeneratedRegex(@"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex Email();
}
