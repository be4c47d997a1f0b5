namespace Pilot.Notification.Domain.Templates;

/// <summary>The zh-CN templates shipped in this assembly (<c>Templates/&lt;name&gt;.zh-CN.txt</c>), by name.</summary>
public sealed class TemplateCatalog
{
    private const string ResourcePrefix = "template:";
    private const string LanguageSuffix = ".zh-CN";

    private static readonly Lazy<TemplateCatalog> Shipped = new(Load);

    private readonly Dictionary<string, MessageTemplate> templates;

    public TemplateCatalog(IEnumerable<MessageTemplate> templates)
    {
        ArgumentNullException.ThrowIfNull(templates);
        this.templates = templates.ToDictionary(t => t.Name, StringComparer.Ordinal);
    }

    public static TemplateCatalog ZhCn => Shipped.Value;

    public IReadOnlyCollection<MessageTemplate> All => templates.Values;

    public MessageTemplate Get(string name) =>
        templates.TryGetValue(name, out var template) ? template : throw new KeyNotFoundException($"no template named {name}");

    private static TemplateCatalog Load()
    {
        var assembly = typeof(TemplateCatalog).Assembly;
        var loaded = new List<MessageTemplate>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var name = resource[ResourcePrefix.Length..];
            name = name.EndsWith(LanguageSuffix, StringComparison.Ordinal) ? name[..^LanguageSuffix.Length] : name;
            loaded.Add(MessageTemplate.Parse(name, reader.ReadToEnd()));
        }

        return new TemplateCatalog(loaded);
    }
}
