using System.Text;
using System.Text.RegularExpressions;

namespace Pilot.Notification.Domain.Templates;

/// <summary>
/// One message template: its first line is the subject, the lines after the blank second line the body. <c>{name}</c>
/// is replaced by the event's fact <c>name</c>; a fact the event lacks is an error, never an empty gap in a message.
/// </summary>
public sealed partial class MessageTemplate
{
    private MessageTemplate(string name, string subject, string body)
    {
        Name = name;
        Subject = subject;
        Body = body;
        Placeholders = [.. PlaceholderPattern().Matches(subject + "\n" + body).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal)];
    }

    public string Name { get; }

    public string Subject { get; }

    public string Body { get; }

    /// <summary>Every fact the template names, each once.</summary>
    public IReadOnlyList<string> Placeholders { get; }

    public static MessageTemplate Parse(string name, string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        if (lines.Length < 3 || string.IsNullOrWhiteSpace(lines[0]) || lines[1].Length != 0)
        {
            throw new FormatException($"template {name}: the first line is the subject, the second is empty, the body follows");
        }

        return new MessageTemplate(name, lines[0].Trim(), string.Join('\n', lines[2..]).TrimEnd());
    }

    /// <summary>The subject and body with the facts filled in.</summary>
    /// <exception cref="MissingFactsException">The facts lack a placeholder the template names.</exception>
    public RenderedMessage Render(IReadOnlyDictionary<string, string> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var missing = Placeholders.Where(p => !facts.ContainsKey(p)).ToList();
        if (missing.Count > 0)
        {
            throw new MissingFactsException(Name, missing);
        }

        return new RenderedMessage(Fill(Subject, facts), Fill(Body, facts));
    }

    private static string Fill(string text, IReadOnlyDictionary<string, string> facts) =>
        PlaceholderPattern().Replace(text, match => facts[match.Groups[1].Value]);

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9]*)\}")]
    private static partial Regex PlaceholderPattern();
}

public sealed record RenderedMessage(string Subject, string Body);

/// <summary>A template names facts the event does not carry: the routing table's tests catch it before any send.</summary>
public sealed class MissingFactsException(string template, IReadOnlyList<string> missing)
    : Exception($"template {template} names facts the event lacks: {string.Join(", ", missing)}")
{
    public string Template { get; } = template;

    public IReadOnlyList<string> Missing { get; } = missing;
}
