using System.Globalization;
using Pilot.Publication.Domain.Directory;
using Pilot.Publication.Domain.Objections;
using Pilot.Publication.Domain.Publicity;
using Pilot.Publication.Domain.Text;
using Pilot.Publication.Storage;
using Pilot.SharedKernel;

namespace Pilot.Publication.Application;

/// <summary>An entry as the public reads it: the working days left and, when read alone, how its objections ended.</summary>
public sealed record PublicityView(PublicityEntry Entry, int WorkingDaysLeft, IReadOnlyList<Objection> Objections);

/// <summary>What the directory query filters on; empty fields do not filter.</summary>
public sealed record DirectoryQuery(string BatchId, int Version, string? RegionCode, string? OccupationCode, string? Name, string? CreditCode, int PageSize, string? PageToken);

/// <summary>A page of a directory version.</summary>
public sealed record DirectoryPage(DirectoryVersion Version, IReadOnlyList<DirectoryOrganisation> Organisations, string NextPageToken);

/// <summary>Publication's reads: the public's (publicity, directory) and those of the parties who resolve objections.</summary>
internal sealed class PublicationReads(PublicityStore publicity, ObjectionStore objections, DirectoryStore directories, WorkingDayCalendar calendar, TimeProvider clock)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public const int NameQueryMax = 64;

    public async Task<Page<PublicityView>> ListPublicityAsync(
        string? batchId, string? regionCode, int closingWithinWorkingDays, bool includeEnded, int pageSize, string? pageToken)
    {
        var batch = BatchOf(batchId);
        var region = string.IsNullOrEmpty(regionCode) ? null : ProvinceRegion.Parse(regionCode, "region_code").Code;
        if (closingWithinWorkingDays < 0)
        {
            throw DomainException.Invalid("closing_within_working_days", "is 0 (any) or a number of working days");
        }

        var size = PageSize(pageSize);
        var (ended, after) = ListPosition(pageToken, includeEnded);
        var now = clock.GetUtcNow();
        var items = new List<PublicityView>(size + 1);
        var nextToken = string.Empty;
        while (true)
        {
            // One more than the page holds: if it comes, there is a next page.
            var wanted = size + 1 - items.Count;
            var ids = await publicity.PageAsync(batch, region, ended, after, wanted);
            foreach (var entry in await publicity.FindManyAsync(ids.Select(id => id.EntryId).ToList()))
            {
                var left = entry.Period.WorkingDaysLeft(now, calendar);
                if (closingWithinWorkingDays == 0 || (left > 0 && left <= closingWithinWorkingDays))
                {
                    items.Add(new PublicityView(entry, left, []));
                }
            }

            if (ids.Count > 0)
            {
                after = (ids[^1].ClosesAt, ids[^1].EntryId);
            }

            if (items.Count > size)
            {
                var last = items[size - 1].Entry;
                var lastEnded = last.HasEnded;
                items.RemoveRange(size, items.Count - size);
                nextToken = Token(lastEnded, last.Period.ClosesAt.ToUnixTimeMilliseconds(), last.EntryId);
                break;
            }

            if (ids.Count < wanted)
            {
                // The running entries are done; the concluded ones follow when they were asked for.
                if (!ended && includeEnded)
                {
                    ended = true;
                    after = null;
                    continue;
                }

                break;
            }
        }

        return new Page<PublicityView>(items, nextToken);
    }

    public async Task<PublicityView> GetEntryAsync(string? entryId)
    {
        EntryIds.Parse(entryId);
        var found = await publicity.FindManyAsync([entryId!]);
        if (found.Count == 0)
        {
            throw DomainException.NotFound("entry_id", $"no publicity entry {Shortened.To(entryId!, 140)}");
        }

        var entry = found[0];
        return new PublicityView(entry, entry.Period.WorkingDaysLeft(clock.GetUtcNow(), calendar), await objections.OfEntryAsync(entry.EntryId));
    }

    /// <summary>Objections with the objectors' contacts: for the national centre, and for a bureau its own region's.</summary>
    public async Task<Page<Objection>> ListObjectionsAsync(Caller caller, string? batchId, string? entryId, bool openOnly, int pageSize, string? pageToken)
    {
        var batch = BatchOf(batchId);
        if (!caller.IsNationalCentre && !caller.Is(Roles.ProvincialHr))
        {
            throw DomainException.Forbidden("objections are read by the national centre and by provincial bureaus (their own region)", "R6");
        }

        if (!string.IsNullOrEmpty(entryId))
        {
            EntryIds.Parse(entryId);
        }

        var size = PageSize(pageSize);
        var after = PageTokens.Decode(pageToken) is { } position ? ParsePosition(position) : ((long, string)?)null;
        var items = new List<Objection>(size);
        var nextToken = string.Empty;
        while (true)
        {
            var ids = await objections.PageOfBatchAsync(batch, after, size + 1);
            var found = await objections.FindManyAsync(ids.Select(id => id.ObjectionId).ToList());
            foreach (var objection in found)
            {
                if (ObjectionRules.MayResolve(caller, objection.RegionCode)
                    && (string.IsNullOrEmpty(entryId) || objection.EntryId == entryId)
                    && (!openOnly || objection.Status == ObjectionStatus.Open))
                {
                    items.Add(objection);
                }
            }

            if (items.Count > size)
            {
                var last = items[size - 1];
                items.RemoveRange(size, items.Count - size);
                nextToken = PageTokens.Encode(Position(last.RaisedAt.ToUnixTimeMilliseconds(), last.ObjectionId));
                break;
            }

            if (ids.Count < size + 1)
            {
                break;
            }

            after = (ids[^1].RaisedAt, ids[^1].ObjectionId);
        }

        return new Page<Objection>(items, nextToken);
    }

    public async Task<(EvidenceFile File, byte[] Content)> GetEvidenceAsync(Caller caller, string? objectionId)
    {
        var found = string.IsNullOrEmpty(objectionId) || objectionId.Length > 64 ? [] : await objections.FindManyAsync([objectionId]);
        if (found.Count == 0 || !ObjectionRules.MayResolve(caller, found[0].RegionCode))
        {
            // The same answer for "none" and "not yours": an objection's existence is not the public's to learn.
            throw DomainException.NotFound("objection_id", $"no objection {Shortened.To(objectionId ?? string.Empty, 64)} that you may read");
        }

        var objection = found[0];
        if (objection.Evidence is not { } file || await objections.EvidenceAsync(objection.ObjectionId) is not { } content)
        {
            throw DomainException.NotFound("objection_id", $"objection {objection.ObjectionId} has no evidence file");
        }

        return (file, content);
    }

    public async Task<DirectoryPage> QueryDirectoryAsync(DirectoryQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var published = await PublishedAsync(query.BatchId, query.Version);
        var region = string.IsNullOrEmpty(query.RegionCode) ? null : ProvinceRegion.Parse(query.RegionCode, "region_code").Code;
        var violations = new List<FieldViolation>();
        var name = PublicText.Check(violations, "name", query.Name, 0, NameQueryMax);
        var creditCode = PublicText.Check(violations, "credit_code", query.CreditCode, 0, 18)?.ToUpperInvariant();
        var occupation = PublicText.Check(violations, "occupation_code", query.OccupationCode, 0, 32);
        if (violations.Count > 0)
        {
            throw new DomainException(ErrorKind.Invalid, null, "the query cannot be read", violations);
        }

        var size = PageSize(query.PageSize);
        var after = PageTokens.Decode(query.PageToken);
        var nameHasLatin = name is not null && (name.AsSpan().ContainsAnyInRange('A', 'Z') || name.AsSpan().ContainsAnyInRange('a', 'z'));
        var organisations = published.Content.Organisations;
        var start = after is null ? 0 : FirstAfter(organisations, after);
        var page = new List<DirectoryOrganisation>(size);
        var next = string.Empty;
        for (var i = start; i < organisations.Count; i++)
        {
            var organisation = organisations[i];
            if (!Matches(organisation, region, occupation, name, nameHasLatin, creditCode))
            {
                continue;
            }

            if (page.Count == size)
            {
                next = PageTokens.Encode(page[^1].OrganisationId);
                break;
            }

            page.Add(organisation);
        }

        return new DirectoryPage(published.Version, page, next);
    }

    public async Task<(DirectoryVersion Version, DirectoryOrganisation Organisation)> GetDirectoryEntryAsync(string? batchId, string? organisationId, int version)
    {
        var published = await PublishedAsync(batchId, version);
        var organisations = published.Content.Organisations;
        var index = RecordIds.IsWellFormed(organisationId) ? FirstAfter(organisations, organisationId!, inclusive: true) : organisations.Count;
        if (index >= organisations.Count || organisations[index].OrganisationId != organisationId)
        {
            throw DomainException.NotFound(
                "organisation_id", $"organisation {Shortened.To(organisationId ?? string.Empty, 64)} is not in version {published.Version.Version} of the directory");
        }

        return (published.Version, organisations[index]);
    }

    public async Task<IReadOnlyList<DirectoryVersion>> ListVersionsAsync(string? batchId) => await directories.ListVersionsAsync(BatchOf(batchId));

    public Task<PublishedDirectory> ExportAsync(string? batchId, int version) => PublishedAsync(batchId, version);

    private async Task<PublishedDirectory> PublishedAsync(string? batchId, int version)
    {
        var batch = BatchOf(batchId);
        if (version < 0)
        {
            throw DomainException.Invalid("version", "is 0 (the latest) or a published version number");
        }

        return await directories.FindAsync(batch, version)
            ?? throw DomainException.NotFound("version", version == 0 ? $"batch {batch} has no published directory yet" : $"batch {batch} has no directory version {version}");
    }

    // Indexed loops, not lambdas or foreach over interfaces: a capturing lambda's closure and a boxed enumerator were
    // allocated for every organisation scanned, which was most of a filtered query's cost.
    private static bool Matches(DirectoryOrganisation organisation, string? region, string? occupation, string? name, bool nameHasLatin, string? creditCode)
    {
        if (name is not null && !ContainsName(organisation.Name, name, nameHasLatin))
        {
            return false;
        }

        var regionFound = region is null;
        var occupationFound = occupation is null || Covers(organisation.Occupations, occupation);
        var creditCodeFound = creditCode is null || organisation.CreditCode == creditCode;
        var branches = organisation.Branches;
        for (var i = 0; i < branches.Count; i++)
        {
            var branch = branches[i];
            regionFound |= branch.RegionCode == region;
            occupationFound |= occupation is not null && Covers(branch.Occupations, occupation);
            creditCodeFound |= branch.CreditCode == creditCode;
        }

        return regionFound && occupationFound && creditCodeFound;
    }

    private static bool Covers(IReadOnlyList<ListedOccupation> occupations, string code)
    {
        for (var i = 0; i < occupations.Count; i++)
        {
            if (occupations[i].Code == code)
            {
                return true;
            }
        }

        return false;
    }

    // Chinese has no case; only a query with Latin letters pays for a case-insensitive search.
    private static bool ContainsName(string organisationName, string query, bool queryHasLatin) =>
        organisationName.Contains(query, StringComparison.Ordinal)
        || (queryHasLatin && organisationName.Contains(query, StringComparison.OrdinalIgnoreCase));

    // Organisations are in id order, so a page token (the last id of a page) is found by binary search.
    private static int FirstAfter(IReadOnlyList<DirectoryOrganisation> organisations, string id, bool inclusive = false)
    {
        int low = 0, high = organisations.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            var order = string.CompareOrdinal(organisations[middle].OrganisationId, id);
            if (order < 0 || (order == 0 && !inclusive))
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private static string BatchOf(string? batchId) =>
        RecordIds.IsWellFormed(batchId) ? batchId! : throw DomainException.Invalid("batch_id", "name the batch: " + RecordIds.ShapeDescription);

    private static int PageSize(int requested) => requested switch
    {
        0 => DefaultPageSize,
        < 0 or > MaxPageSize => throw DomainException.Invalid("page_size", $"ask for 1 to {MaxPageSize} items per page"),
        _ => requested,
    };

    private static string Position(long score, string id) => score.ToString(CultureInfo.InvariantCulture) + "|" + id;

    private static string Token(bool ended, long score, string id) => PageTokens.Encode((ended ? "e|" : "r|") + Position(score, id));

    private static (long, string) ParsePosition(string position)
    {
        var bar = position.IndexOf('|', StringComparison.Ordinal);
        return bar > 0 && long.TryParse(position.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out var score) && bar < position.Length - 1
            ? (score, position[(bar + 1)..])
            : throw InvalidToken();
    }

    private static (bool Ended, (long, string)? After) ListPosition(string? pageToken, bool includeEnded)
    {
        if (PageTokens.Decode(pageToken) is not { } position)
        {
            return (false, null);
        }

        var ended = position.StartsWith("e|", StringComparison.Ordinal);
        if (!ended && !position.StartsWith("r|", StringComparison.Ordinal) || (ended && !includeEnded))
        {
            throw InvalidToken();
        }

        return (ended, ParsePosition(position[2..]));
    }

    private static DomainException InvalidToken() =>
        DomainException.Invalid("page_token", "page_token must be a next_page_token from an earlier answer of the same list, passed back unchanged");
}
