using Pilot.Filing.Domain.Auditing;
using Pilot.Filing.Storage;
using Pilot.SharedKernel;
using Pilot.Storage;
using StackExchange.Redis;

namespace Pilot.Filing.Tests.Storage;

/// <summary>Every append to Filing's streams trims them to their stated retention (they grew without end).</summary>
public sealed class RetentionTests
{
    [Fact]
    public void An_audit_record_of_a_refusal_trims_the_whole_trail_and_the_regions_trail()
    {
        var writes = new RecordedStreamWrites();
        var bureau = new Caller("clerk", Roles.ProvincialHr, Region: "110000");
        var refusal = DomainException.Forbidden("not yours");

        FilingWrites.Audit(writes, AuditRecord.Refused(bureau, DateTimeOffset.UnixEpoch, AuditActions.SubmitFiling, "x/y", "r-1", refusal), ["310000"]);

        Assert.Equal(
            [("filing:audit", FilingRetention.AuditEntries), ("filing:audit:region:310000", FilingRetention.RegionAuditEntries), ("filing:audit:region:110000", FilingRetention.RegionAuditEntries)],
            writes.Streams);
    }

    /// <summary>Keeps the stream appends of a commit; nothing else is looked at.</summary>
    private sealed class RecordedStreamWrites : IStateWrites
    {
        public List<(string Key, long? MaxLength)> Streams { get; } = [];

        public void StreamAdd(string key, long? maxLength, params IReadOnlyList<NameValueEntry> fields) => Streams.Add((key, maxLength));

        public void Absent(string key) { }

        public void StringEquals(string key, RedisValue value) { }

        public void HashFieldEquals(string key, string field, RedisValue value) { }

        public void Claim(string key, RedisValue value, TimeSpan? expiry = null) { }

        public void StringSet(string key, RedisValue value, TimeSpan? expiry = null) { }

        public void Increment(string key) { }

        public void Delete(string key) { }

        public void HashSet(string key, params IReadOnlyList<HashEntry> fields) { }

        public void HashSetIfAbsent(string key, string field, RedisValue value) { }

        public void HashDelete(string key, params IReadOnlyList<string> fields) { }

        public void HashIncrement(string key, string field, long by = 1) { }

        public void SortedSetAdd(string key, string member, double score, bool onlyIfNew = false) { }

        public void SortedSetRemove(string key, string member) { }

        public void ListRightPush(string key, RedisValue value) { }

        public void OnCommitted(Action action) { }
    }
}
