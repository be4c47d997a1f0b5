using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Pilot.Samples.InfoPlatform.Copy;
using Pilot.Samples.InfoPlatform.Events;

namespace Pilot.Samples.InfoPlatform.Web;

/// <summary>
/// The one page: publicity under way (with each window and its objections' outcomes), publicity concluded, and the
/// latest directory version of each batch with its hashes, the chain check and its organisations and branches.
/// Server-rendered HTML in UTF-8; every value from an event is HTML-encoded (Chinese text is kept as it is).
/// </summary>
public static class PlatformPage
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static async Task<IResult> RenderAsync(PlatformCopy copy, ExportVerifier verifier)
    {
        var publicity = await copy.ListPublicityAsync();
        var directories = new List<DirectoryVersionView>();
        foreach (var batchId in await copy.ListBatchesAsync())
        {
            if (await copy.LatestDirectoryAsync(batchId) is { } latest)
            {
                directories.Add(await DirectoryApi.ViewAsync(copy, latest));
            }
        }

        var dropped = await copy.ListDroppedAsync();
        return Results.Content(Render(publicity, directories, dropped, verifier.Enabled), "text/html; charset=utf-8", Encoding.UTF8);
    }

    public static string Render(IReadOnlyList<PublicityCopy> publicity, IReadOnlyList<DirectoryVersionView> directories, IReadOnlyList<DroppedEvent> dropped, bool exportChecks)
    {
        var page = new StringBuilder();
        page.Append("""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>技能人才评价信息平台 · 职业技能等级认定试点</title>
            <style>
            body { font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; margin: 2rem; color: #222; }
            table { border-collapse: collapse; margin: .5rem 0 1.5rem; width: 100%; }
            th, td { border: 1px solid #ccc; padding: .3rem .5rem; text-align: left; vertical-align: top; font-size: .9rem; }
            th { background: #f3f3f3; }
            code { font-size: .8rem; word-break: break-all; }
            .ok { color: #176117; } .bad { color: #a11; font-weight: bold; } .muted { color: #777; }
            </style>
            </head>
            <body>
            <h1>技能人才评价信息平台</h1>
            <p class="muted">职业技能等级认定试点（中就培函〔2020〕41号）：网上公示与试点社会培训评价组织目录。本页由订阅 publication-events 的事件生成。</p>

            """);

        var underWay = publicity.Where(e => e.UnderWay).ToList();
        page.Append("<h2>公示中</h2>\n");
        if (underWay.Count == 0)
        {
            page.Append("<p class=\"muted\">暂无公示中的机构。</p>\n");
        }
        else
        {
            page.Append("<table id=\"publicity\"><tr><th>类型</th><th>名称</th><th>统一社会信用代码</th><th>所在地区</th><th>地址</th><th>备案编号</th><th>推荐单位</th><th>职业（工种）</th><th>公示期</th><th>异议</th></tr>\n");
            foreach (var entry in underWay)
            {
                page.Append("<tr data-entry=\"").Append(E(entry.EntryId)).Append("\">")
                    .Append(Td(KindLabel(entry.Kind))).Append(Td(entry.Name)).Append(Td(entry.CreditCode)).Append(Td(entry.RegionName ?? entry.RegionCode))
                    .Append(Td(entry.Address)).Append(Td(entry.FilingNumber)).Append(Td(entry.SponsorName))
                    .Append(Td(string.Join("；", entry.Occupations.Select(OccupationLabel))))
                    .Append(Td(Window(entry))).Append("<td>").Append(Objections(entry)).Append("</td></tr>\n");
            }

            page.Append("</table>\n");
        }

        var concluded = publicity.Where(e => !e.UnderWay).OrderByDescending(e => e.ConcludedAt).ToList();
        page.Append("<h2>公示结束</h2>\n");
        if (concluded.Count == 0)
        {
            page.Append("<p class=\"muted\">暂无公示结束的机构。</p>\n");
        }
        else
        {
            page.Append("<table id=\"concluded\"><tr><th>类型</th><th>名称</th><th>所在地区</th><th>备案编号</th><th>公示期</th><th>结果</th><th>异议</th></tr>\n");
            foreach (var entry in concluded)
            {
                page.Append("<tr data-entry=\"").Append(E(entry.EntryId)).Append("\">")
                    .Append(Td(KindLabel(entry.Kind))).Append(Td(entry.Name)).Append(Td(entry.RegionName ?? entry.RegionCode)).Append(Td(entry.FilingNumber))
                    .Append(Td(Window(entry))).Append(Td(entry.Outcome == "passed" ? "公示通过" : entry.Outcome == "withdrawn" ? "撤回（异议成立）" : entry.Outcome))
                    .Append("<td>").Append(Objections(entry)).Append("</td></tr>\n");
            }

            page.Append("</table>\n");
        }

        page.Append("<h2>试点社会培训评价组织目录</h2>\n");
        if (directories.Count == 0)
        {
            page.Append("<p class=\"muted\">尚未发布目录。</p>\n");
        }

        foreach (var directory in directories)
        {
            AppendDirectory(page, directory, exportChecks);
        }

        if (dropped.Count > 0)
        {
            page.Append("<h2>未能处理的事件</h2>\n<table id=\"dropped\"><tr><th>事件 id</th><th>类型</th><th>原因</th><th>时间</th></tr>\n");
            foreach (var drop in dropped)
            {
                page.Append("<tr>").Append(Td(drop.EventId)).Append(Td(drop.Type)).Append(Td(drop.Reason)).Append(Td(Instant(drop.At))).Append("</tr>\n");
            }

            page.Append("</table>\n");
        }

        return page.Append("</body>\n</html>\n").ToString();
    }

    private static void AppendDirectory(StringBuilder page, DirectoryVersionView directory, bool exportChecks)
    {
        page.Append("<section class=\"directory\" data-batch=\"").Append(E(directory.BatchId)).Append("\" data-version=\"")
            .Append(directory.Version.ToString(CultureInfo.InvariantCulture)).Append("\">\n")
            .Append("<h3>批次 ").Append(E(directory.BatchId)).Append(" · 第 ").Append(directory.Version.ToString(CultureInfo.InvariantCulture)).Append(" 版</h3>\n<ul>\n")
            .Append("<li>发布时间：").Append(E(directory.PublishedAt is { } at ? Instant(at) : "—")).Append("</li>\n")
            .Append("<li>导出文件 SHA-256：<code class=\"export-sha256\">").Append(E(directory.ExportSha256)).Append("</code></li>\n")
            .Append("<li>上一版本 SHA-256：<code>").Append(E(directory.PreviousSha256 ?? "（无：第 1 版）")).Append("</code></li>\n")
            .Append("<li>收录：社会培训评价组织 ").Append(directory.OrganisationCount.ToString(CultureInfo.InvariantCulture))
            .Append(" 家，分支机构 ").Append(directory.BranchCount.ToString(CultureInfo.InvariantCulture)).Append(" 个</li>\n")
            .Append("<li>哈希链：").Append(Chain(directory.Chain)).Append("</li>\n")
            .Append("<li>导出文件核对：").Append(Check(directory.ExportCheck, exportChecks)).Append("</li>\n</ul>\n");

        page.Append("<table><tr><th>社会培训评价组织</th><th>统一社会信用代码</th><th>类别</th><th>推荐单位</th><th>职业（工种）与等级</th><th>分支机构</th></tr>\n");
        foreach (var organisation in directory.Organisations)
        {
            page.Append("<tr data-organisation=\"").Append(E(organisation.OrganisationId)).Append("\">")
                .Append(Td(organisation.Name)).Append(Td(organisation.CreditCode))
                .Append(Td(organisation.IsIndustryOrganisation == true ? "行业组织" : "推荐的社会培训评价组织"))
                .Append(Td(organisation.SponsorName)).Append(Td(string.Join("；", (organisation.Occupations ?? []).Select(OccupationLabel))))
                .Append("<td>");
            var branches = organisation.Branches ?? [];
            if (branches.Count == 0)
            {
                page.Append("<span class=\"muted\">无</span>");
            }
            else
            {
                page.Append("<ul>");
                foreach (var branch in branches)
                {
                    page.Append("<li data-branch=\"").Append(E(branch.BranchId)).Append("\">").Append(E(branch.Name ?? branch.BranchId))
                        .Append('（').Append(E(branch.RegionName ?? branch.RegionCode ?? "")).Append('，').Append(E(branch.CreditCode ?? ""))
                        .Append("，备案编号 ").Append(E(branch.FilingNumber ?? "—")).Append('）');
                    if (!string.IsNullOrEmpty(branch.Address))
                    {
                        page.Append("<br><span class=\"muted\">").Append(E(branch.Address)).Append("</span>");
                    }

                    page.Append("</li>");
                }

                page.Append("</ul>");
            }

            page.Append("</td></tr>\n");
        }

        page.Append("</table>\n</section>\n");
    }

    private static string Chain(ChainReport chain)
    {
        if (chain.Intact)
        {
            return $"<span class=\"ok chain-intact\">完整（第 1–{chain.LatestVersion} 版，每版的上一版本哈希均与所持前一版一致）</span>";
        }

        var problems = new List<string>();
        if (chain.MissingVersions.Count > 0)
        {
            problems.Add($"缺少第 {string.Join("、", chain.MissingVersions)} 版（未收到其事件，无法核对）");
        }

        foreach (var link in chain.Breaks)
        {
            problems.Add(link.Version == 1
                ? "第 1 版不应有上一版本哈希"
                : $"第 {link.Version} 版的上一版本哈希 {E(link.PreviousSha256 ?? "（空）")} 与第 {link.Version - 1} 版的 {E(link.HeldSha256OfPrevious ?? "")} 不符");
        }

        return $"<span class=\"bad chain-broken\">{string.Join("；", problems)}</span>";
    }

    private static string Check(ExportCheck? check, bool enabled) => check switch
    {
        null when !enabled => "<span class=\"muted\">未启用（未设置 InfoPlatform:PublicationUrl）</span>",
        null => "<span class=\"muted\">尚未核对</span>",
        { Status: ExportCheck.Matches } => $"<span class=\"ok export-matches\">一致（{E(Instant(check.CheckedAt))}）</span>",
        { Status: ExportCheck.Differs } => $"<span class=\"bad export-differs\">不一致：导出文件的 SHA-256 为 <code>{E(check.ActualSha256 ?? "")}</code></span>",
        _ => $"<span class=\"bad export-unavailable\">无法获取导出文件：{E(check.Detail ?? "")}</span>",
    };

    private static string Objections(PublicityCopy entry)
    {
        if (entry.Objections.Count == 0)
        {
            return "<span class=\"muted\">无</span>";
        }

        var items = entry.Objections.Select(o =>
        {
            var raised = o.RaisedAt is { } at ? $"{Instant(at)} 提出" : "已提出";
            var outcome = o.Outcome switch
            {
                "upheld" => "异议成立",
                "dismissed" => "异议不成立",
                null => "待处理",
                var other => other,
            };
            var reason = string.IsNullOrEmpty(o.Reason) ? "" : "：" + o.Reason;
            return $"<li>{E(raised)}，{E(outcome + reason)}</li>";
        });
        return "<ul>" + string.Concat(items) + "</ul>";
    }

    private static string Window(PublicityCopy entry) =>
        entry.OpensOn is { } opens && entry.ClosesOn is { } closes
            ? $"{opens.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} 至 {closes.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"
            : "—";

    private static string Instant(DateTimeOffset at) =>
        at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + "（北京时间）";

    private static string KindLabel(string? kind) => kind switch
    {
        "organisation" => "社会培训评价组织",
        "branch" => "分支机构",
        _ => kind ?? "—",
    };

    private static string OccupationLabel(Occupation occupation)
    {
        var text = (string.IsNullOrEmpty(occupation.Name) ? occupation.Code : $"{occupation.Name} {occupation.Code}")
            + (string.IsNullOrEmpty(occupation.SubType) ? "" : $"（{occupation.SubType}）");
        return occupation.Levels is { Count: > 0 } levels ? $"{text} {string.Join("/", levels)} 级" : text;
    }

    private static string Td(string? text) => "<td>" + E(text ?? "—") + "</td>";

    private static string E(string text) => Html.Encode(text);
}
