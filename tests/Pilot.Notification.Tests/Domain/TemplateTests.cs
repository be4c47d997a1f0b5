using Pilot.Notification.Domain.Routing;
using Pilot.Notification.Domain.Templates;

namespace Pilot.Notification.Tests.Domain;

/// <summary>Every template the routing table names is shipped, and renders from the facts its event carries.</summary>
public sealed class TemplateTests
{
    public static TheoryData<string> RoutedTypes => [.. RoutingTable.Default.Routes.Select(r => r.EventType)];

    [Theory]
    [MemberData(nameof(RoutedTypes))]
    public void The_template_of_each_route_renders_from_its_events_facts_alone(string eventType)
    {
        var route = RoutingTable.Default.Find(eventType)!;
        var evt = Samples.Of(eventType);

        var template = TemplateCatalog.ZhCn.Get(route.Template);
        var missing = template.Placeholders.Where(p => !evt.Facts.ContainsKey(p)).ToList();
        Assert.True(missing.Count == 0, $"template {route.Template} names facts {eventType} lacks: {string.Join(", ", missing)}");

        var rendered = template.Render(evt.Facts);
        Assert.DoesNotContain("{", rendered.Subject + rendered.Body, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(rendered.Subject));
        Assert.False(string.IsNullOrWhiteSpace(rendered.Body));
    }

    [Fact]
    public void Every_shipped_template_is_used_by_a_route()
    {
        Assert.Equal(
            TemplateCatalog.ZhCn.All.Select(t => t.Name).Order(StringComparer.Ordinal),
            RoutingTable.Default.Routes.Select(r => r.Template).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_refused_package_lists_what_is_missing_in_its_message()
    {
        var evt = Samples.Of(EventTypes.PackageRefused);

        var rendered = TemplateCatalog.ZhCn.Get("package-refused").Render(evt.Facts);

        Assert.Contains("1. 职业技能等级试点工作方案（documents[0]）", rendered.Body, StringComparison.Ordinal);
        Assert.Contains("2. 档案管理办法（regulations）", rendered.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_filing_acceptance_reads_in_chinese_with_its_number_and_date()
    {
        var rendered = TemplateCatalog.ZhCn.Get("filing-accepted").Render(Samples.Of(EventTypes.FilingAccepted).Facts);

        Assert.Equal("【备案通过】分支机构br-1已完成属地备案，备案编号京人社备〔2020〕031号", rendered.Subject);
        Assert.Contains("备案日期2020年10月13日", rendered.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_placeholder_the_event_lacks_fails_the_render_naming_it()
    {
        var template = MessageTemplate.Parse("probe", "关于{filingId}\n\n{branchId}的{noSuchFact}");

        var error = Assert.Throws<MissingFactsException>(() => template.Render(new Dictionary<string, string> { ["filingId"] = "f", ["branchId"] = "b" }));

        Assert.Equal(["noSuchFact"], error.Missing);
    }

    [Theory]
    [InlineData("")]
    [InlineData("only a subject")]
    [InlineData("subject\nno blank line\nbody")]
    public void A_template_file_without_subject_blank_line_and_body_is_refused(string text)
    {
        Assert.Throws<FormatException>(() => MessageTemplate.Parse("bad", text));
    }
}
