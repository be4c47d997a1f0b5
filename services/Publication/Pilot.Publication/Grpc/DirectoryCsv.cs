using CsvHelper;
using Pilot.Publication.Storage;

namespace Pilot.Publication.Grpc;

/// <summary>A directory version as a file to download.</summary>
internal sealed record DirectoryFile(string ContentType, string FileName, byte[] Content);

/// <summary>
/// The CSV export: UTF-8 with a BOM (so that Excel reads Chinese as Chinese), one row per branch (an organisation with
/// no branch listed has one row of its own), and every cell that a spreadsheet would take for a formula (<c>=</c>,
/// <c>+</c>, <c>-</c>, <c>@</c>, tab, carriage return) neutralised with a leading apostrophe. Derived from the version's
/// content; only the JSON export is hashed.
/// </summary>
internal sealed class DirectoryCsv
{
    private static readonly string[] Header =
    [
        "组织ID", "组织名称", "统一社会信用代码", "行业组织", "推荐单位", "分支机构ID", "分支机构名称", "分支机构信用代码", "地区代码", "地区", "地址", "备案编号", "职业（工种）",
    ];

    // The writer's default injection characters are = @ + -, tab and CR; escaping puts an apostrophe in front.
    private static readonly CsvWriterOptions Options = new() { Injection = CsvInjection.Escape, WriteByteOrderMark = true };

    public static DirectoryFile Json(PublishedDirectory published) =>
        new("application/json", $"directory-{published.Version.BatchId}-v{published.Version.Version}.json", published.Export);

    public DirectoryFile Of(PublishedDirectory published)
    {
        ArgumentNullException.ThrowIfNull(published);
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, Options, true))
        {
            csv.WriteRecord(Header);
            foreach (var organisation in published.Content.Organisations)
            {
                var organisationFields = new[]
                {
                    organisation.OrganisationId, organisation.Name, organisation.CreditCode, organisation.IsIndustryOrganisation ? "是" : "否", organisation.SponsorName,
                };
                if (organisation.Branches.Count == 0)
                {
                    WriteRow(csv, organisationFields, ["", "", "", "", "", "", "", Occupations(organisation.Occupations)]);
                }

                foreach (var branch in organisation.Branches)
                {
                    WriteRow(csv, organisationFields, [
                        branch.BranchId, branch.Name, branch.CreditCode, branch.RegionCode, branch.RegionName, branch.Address, branch.FilingNumber,
                        Occupations(branch.Occupations)]);
                }
            }
        }

        return new DirectoryFile("text/csv; charset=utf-8", $"directory-{published.Version.BatchId}-v{published.Version.Version}.csv", buffer.ToArray());
    }

    private static void WriteRow(CsvWriter csv, IEnumerable<string> first, IEnumerable<string> rest) => csv.WriteRecord(first.Concat(rest).ToArray());

    private static string Occupations(IEnumerable<Domain.Publicity.ListedOccupation> occupations) =>
        string.Join("；", occupations.Select(occupation =>
            occupation.Code + (occupation.Name is { Length: > 0 } name ? " " + name : string.Empty) + (occupation.SubType is { Length: > 0 } sub ? "（" + sub + "）" : string.Empty)));
}
