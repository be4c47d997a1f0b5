using Pilot.EventBus;
using Pilot.FactCopies.Tests.Support;
using Pilot.Testing;
using StackExchange.Redis;
using static Pilot.FactCopies.Tests.Support.RegistryEnvelopes;

namespace Pilot.FactCopies.Tests;

/// <summary>
/// The copies built by the real bus from real registry-events entries. The tests of this class run one at a time and
/// each starts from an empty topic: a new consumer group reads the stream from its start.
/// </summary>
public sealed class CopyFromRegistryEventsTests(RedisServerFixture redis) : IAsyncLifetime
{
    private const string Association = "中国美发美容协会";
    private static readonly Contact Li = new("李明", "13800000001", "li.ming@cahb.org.cn");
    private static readonly Contact Wang = new("王芳", "13800000002", "wang.fang@cahb.org.cn");
    private static readonly Contact Zhao = new("赵强", "13800000003", "zhao.qiang@cahb.org.cn");

    private readonly IDatabase _db = redis.Database;

    public async ValueTask InitializeAsync() => await _db.KeyDeleteAsync([Topic, PilotTopics.DeadLetterOf(Topic)]);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Registered_then_contacts_changed_the_copy_shows_the_change()
    {
        var changed = NewEventId();
        await AddAsync(_db, Registered(NewEventId(), 1, "org-1", Association, Li));
        await AddAsync(_db, ContactsChanged(changed, 2, "org-1", Association + "（更名）", Wang, Zhao));

        await using var app = await CopyHost.StartAsync(redis.Multiplexer);
        await DrainedAsync(app);

        var organisation = await app.Organisations.FindAsync("org-1", TestContext.Current.CancellationToken);
        Assert.NotNull(organisation);
        Assert.Equal(Association + "（更名）", organisation.Name);
        Assert.Equal(CreditCodeOf("org-1"), organisation.CreditCode);
        Assert.Equal([Wang, Zhao], organisation.Contacts);
        Assert.Equal(changed, await StoredAsync(app, "organisation", "org-1", FactCopyKeys.EventField));
        Assert.Equal(StoredTime(2), await StoredAsync(app, "organisation", "org-1", FactCopyKeys.TimeField));
    }

    [Fact]
    public async Task The_same_envelope_delivered_again_is_applied_once()
    {
        var registered = Registered(NewEventId(), 1, "org-2", Association, Li);
        await AddAsync(_db, registered);
        await AddAsync(_db, registered);

        await using var app = await CopyHost.StartAsync(redis.Multiplexer);
        await DrainedAsync(app);
        await AddAsync(_db, registered);
        await DrainedAsync(app);

        Assert.Equal(1, app.Calls.Of<OrganisationRegistered>("organisation"));
        Assert.Equal(1, app.Calls.Of<OrganisationRegistered>("credit-code"));
        Assert.Equal([Li], (await app.Organisations.FindAsync("org-2", TestContext.Current.CancellationToken))!.Contacts);
        Assert.Equal(["org-2"], await app.Organisations.ListIdsAsync(cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_same_fact_under_a_new_envelope_id_leaves_the_copy_as_it_was()
    {
        await AddAsync(_db, Registered(NewEventId(), 1, "org-3", Association, Li));
        await using var app = await CopyHost.StartAsync(redis.Multiplexer);
        await DrainedAsync(app);
        var before = await StoredAsync(app, "organisation", "org-3", FactCopyKeys.FactField);

        var restated = NewEventId();
        await AddAsync(_db, Registered(restated, 5, "org-3", Association, Li));
        await AddAsync(_db, Registered(NewEventId(), 0, "org-3", Association, Li));
        await DrainedAsync(app);

        Assert.Equal(before, await StoredAsync(app, "organisation", "org-3", FactCopyKeys.FactField));
        var organisation = await app.Organisations.FindAsync("org-3", TestContext.Current.CancellationToken);
        Assert.Equal((Association, CreditCodeOf("org-3")), (organisation!.Name, organisation.CreditCode));
        Assert.Equal([Li], organisation.Contacts);
        // The newer restatement moved the position only (see the next test for why); the older one did not even run the function.
        Assert.Equal(restated, await StoredAsync(app, "organisation", "org-3", FactCopyKeys.EventField));
        Assert.Equal(2, app.Calls.Of<OrganisationRegistered>("organisation"));
        Assert.Equal(["org-3"], await app.Organisations.ListIdsAsync(cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_fact_restated_by_a_newer_event_is_not_overwritten_by_an_older_change_arriving_after_it()
    {
        // The branch is renamed at 2 but that delivery fails; at 3 a change the copy does not hold (the address)
        // restates the old name; then the rename of 2 is delivered again. The Registry's branch is named 北京分会.
        var id = "br-restated";
        await AddAsync(_db, BranchAdded(NewEventId(), 1, id, "org-4", "北京分会"));
        await AddAsync(_db, BranchChanged(NewEventId(), 3, id, "org-4", "北京分会"));
        await AddAsync(_db, BranchChanged(NewEventId(), 2, id, "org-4", "北京第二分会"));

        await using var app = await CopyHost.StartAsync(redis.Multiplexer);
        await DrainedAsync(app);

        Assert.Equal("北京分会", (await app.Branches.FindAsync(id, TestContext.Current.CancellationToken))!.Name);
        Assert.Equal(StoredTime(3), await StoredAsync(app, "branch", id, FactCopyKeys.TimeField));
    }

    [Fact]
    public async Task An_older_change_arriving_after_a_newer_one_does_not_overwrite_it()
    {
        var newer = NewEventId();
        await AddAsync(_db, Registered(NewEventId(), 1, "org-5", Association, Li));
        await AddAsync(_db, ContactsChanged(newer, 3, "org-5", Association, Zhao));
        await AddAsync(_db, ContactsChanged(NewEventId(), 2, "org-5", Association, Wang));

        await using var app = await CopyHost.StartAsync(redis.Multiplexer);
        await DrainedAsync(app);

        Assert.Equal([Zhao], (await app.Organisations.FindAsync("org-5", TestContext.Current.CancellationToken))!.Contacts);
        Assert.Equal(newer, await StoredAsync(app, "organisation", "org-5", FactCopyKeys.EventField));
        Assert.Equal(1, app.Calls.Of<OrganisationContactsChanged>("organisation"));
    }

    [Fact]
    public async Task A_registration_arriving_after_a_newer_full_change_leaves_the_change()
    {
        await AddAsync(_db, BranchChanged(NewEventId(), 2, "br-late", "org-6", "上海分会", regionCode: "310000"));
        await AddAsync(_db, BranchAdded(NewEventId(), 1, "br-late", "org-6", "北京分会"));

        await using var app = await CopyHost.StartAsync(redis.Multiplexer);
        await DrainedAsync(app);

        var branch = await app.Branches.FindAsync("br-late", TestContext.Current.CancellationToken);
        Assert.Equal(new BranchFacts("br-late", "org-6", "上海分会", "52BR-LATE", "310000", "上海市"), branch);
        Assert.Equal(0, app.Calls.Of<BranchAdded>("branch"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Events_of_the_same_time_are_ordered_by_id_whichever_arrives_last(bool greaterIdLast)
    {
        var prefix = Guid.NewGuid().ToString("N");
        var (lesser, greater) = (BranchChanged($"{prefix}-a", 5, "br-tie", "org-7", "甲分会"), BranchChanged($"{prefix}-b", 5, "br-tie", "org-7", "乙分会"));
        await AddAsync(_db, BranchAdded(NewEventId(), 1, "br-tie", "org-7", "北京分会"));
        await AddAsync(_db, greaterIdLast ? lesser : greater);
        await AddAsync(_db, greaterIdLast ? greater : lesser);

        await using var app = await CopyHost.StartAsync(redis.Multiplexer);
        await DrainedAsync(app);

        Assert.Equal("乙分会", (await app.Branches.FindAsync("br-tie", TestContext.Current.CancellationToken))!.Name);
        Assert.Equal($"{prefix}-b", await StoredAsync(app, "branch", "br-tie", FactCopyKeys.EventField));
    }

    [Fact]
    public async Task A_change_before_its_record_invents_nothing_and_applies_once_the_record_has_arrived()
    {
        await using var app = await CopyHost.StartAsync(redis.Multiplexer, options: o => o.MaxDeliveryAttempts = 20);
        await AddAsync(_db, ContactsChanged(NewEventId(), 2, "org-8", Association, Wang));
        await Eventually.HoldsAsync(async () => await Streams.DeliveriesOfPendingAsync(_db, app.AppId) >= 2, "the change was delivered again");

        Assert.Null(await app.Organisations.FindAsync("org-8", TestContext.Current.CancellationToken));
        Assert.Empty(await app.Organisations.ListIdsAsync(cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(0, app.Calls.Of<OrganisationContactsChanged>("organisation"));

        await AddAsync(_db, Registered(NewEventId(), 1, "org-8", Association, Li));
        await DrainedAsync(app);

        Assert.Equal([Wang], (await app.Organisations.FindAsync("org-8", TestContext.Current.CancellationToken))!.Contacts);
        Assert.Empty(await Streams.DeadLettersAsync(_db, app.AppId));
    }

    [Fact]
    public async Task A_change_whose_record_never_arrives_ends_in_the_dead_letters_and_invents_nothing()
    {
        await using var app = await CopyHost.StartAsync(redis.Multiplexer, options: o => o.MaxDeliveryAttempts = 2);
        await AddAsync(_db, ContactsChanged(NewEventId(), 2, "org-9", Association, Wang));

        await Eventually.HoldsAsync(async () => (await Streams.DeadLettersAsync(_db, app.AppId)).Length == 1, "the change is dead-lettered");

        var dead = Assert.Single(await Streams.DeadLettersAsync(_db, app.AppId));
        Assert.Contains(nameof(FactNotCopiedYetException), (string)dead["error"]!, StringComparison.Ordinal);
        Assert.Null(await app.Organisations.FindAsync("org-9", TestContext.Current.CancellationToken));
        Assert.False(await _db.KeyExistsAsync(FactCopyKeys.Ids(app.AppId, "organisation")));
    }

    [Fact]
    public async Task FindMany_returns_the_copies_of_the_ids_that_exist_and_leaves_out_the_missing()
    {
        foreach (var id in new[] { "org-a", "org-b", "org-c" })
        {
            await AddAsync(_db, Registered(NewEventId(), 1, id, $"{Association} {id}", Li));
        }

        await using var app = await CopyHost.StartAsync(redis.Multiplexer);
        await DrainedAsync(app);

        var found = await app.Organisations.FindManyAsync(["org-c", "org-missing", "org-a", "org-c"], TestContext.Current.CancellationToken);
        Assert.Equal(["org-a", "org-c"], found.Keys.Order(StringComparer.Ordinal));
        Assert.Equal($"{Association} org-a", found["org-a"].Name);
        Assert.Equal($"{Association} org-c", found["org-c"].Name);
        Assert.Empty(await app.Organisations.FindManyAsync([], TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Two_kinds_of_copies_in_one_app_do_not_mix_even_under_one_id()
    {
        await AddAsync(_db, Registered(NewEventId(), 1, "same-1", Association, Li));
        await AddAsync(_db, BranchAdded(NewEventId(), 2, "same-1", "same-1", "北京分会"));

        await using var app = await CopyHost.StartAsync(redis.Multiplexer);
        await DrainedAsync(app);
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal(Association, (await app.Organisations.FindAsync("same-1", ct))!.Name);
        Assert.Equal("北京分会", (await app.Branches.FindAsync("same-1", ct))!.Name);
        // One registration built two kinds: the organisation and its credit code.
        Assert.Equal(new CreditCodeFacts(CreditCodeOf("same-1"), "same-1"), await app.CreditCodes.FindAsync(CreditCodeOf("same-1"), ct));
        Assert.Null(await app.CreditCodes.FindAsync("same-1", ct));
        Assert.Null(await app.Organisations.FindAsync(CreditCodeOf("same-1"), ct));
        Assert.Equal(["same-1"], await app.Organisations.ListIdsAsync(cancellationToken: ct));
        Assert.Equal(["same-1"], await app.Branches.ListIdsAsync(cancellationToken: ct));
        Assert.Equal([CreditCodeOf("same-1")], await app.CreditCodes.ListIdsAsync(cancellationToken: ct));
    }

    [Fact]
    public async Task Ids_are_listed_in_pages_in_id_order()
    {
        foreach (var id in new[] { "org-4", "org-1", "org-5", "org-3", "org-2" })
        {
            await AddAsync(_db, Registered(NewEventId(), 1, id, Association, Li));
        }

        await using var app = await CopyHost.StartAsync(redis.Multiplexer);
        await DrainedAsync(app);
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal(["org-1", "org-2"], await app.Organisations.ListIdsAsync(null, 2, ct));
        Assert.Equal(["org-3", "org-4"], await app.Organisations.ListIdsAsync("org-2", 2, ct));
        Assert.Equal(["org-5"], await app.Organisations.ListIdsAsync("org-4", 2, ct));
        Assert.Empty(await app.Organisations.ListIdsAsync("org-5", 2, ct));
    }

    [Fact]
    public async Task A_delivery_that_lost_the_race_for_a_fact_is_retried_and_then_leaves_the_newer_copy()
    {
        await AddAsync(_db, Registered(NewEventId(), 1, "org-race", Association, Li));
        await using var app = await CopyHost.StartAsync(redis.Multiplexer, options: o => o.HandlerConcurrency = 2);
        await DrainedAsync(app);

        // The older change reads the copy, then waits inside its function until the newer one has committed.
        using var olderRead = new ManualResetEventSlim();
        using var newerCommitted = new ManualResetEventSlim();
        // The newer one waits until the older has read: with two handlers either may start first, and a newer commit
        // before the older read would leave no race to test (the older would find a newer copy and do nothing).
        app.Calls.Before = e =>
        {
            if (e is OrganisationContactsChanged { Contacts: [var contact] } && contact == Wang && !olderRead.IsSet)
            {
                olderRead.Set();
                newerCommitted.Wait(TimeSpan.FromSeconds(10));
            }
            else if (e is OrganisationContactsChanged { Contacts: [var newerContact] } && newerContact == Zhao)
            {
                olderRead.Wait(TimeSpan.FromSeconds(10));
            }
        };
        var newer = NewEventId();
        var both = _db.CreateTransaction();
        _ = AddAsync(both, ContactsChanged(NewEventId(), 2, "org-race", Association, Wang));
        _ = AddAsync(both, ContactsChanged(newer, 3, "org-race", Association, Zhao));
        Assert.True(await both.ExecuteAsync());

        Assert.True(olderRead.Wait(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken), "the older change is being applied");
        await Eventually.HoldsAsync(async () => await StoredAsync(app, "organisation", "org-race", FactCopyKeys.EventField) == newer, "the newer change committed meanwhile");
        newerCommitted.Set();
        await DrainedAsync(app);

        Assert.Equal([Zhao], (await app.Organisations.FindAsync("org-race", TestContext.Current.CancellationToken))!.Contacts);
        Assert.Equal(newer, await StoredAsync(app, "organisation", "org-race", FactCopyKeys.EventField));
        Assert.Equal(2, app.Calls.Of<OrganisationContactsChanged>("organisation"));
    }

    [Fact]
    public async Task Concurrent_deliveries_for_one_id_end_at_the_newest_change()
    {
        const int changes = 20;
        var organisations = Enumerable.Range(1, 5).Select(i => $"org-busy-{i}").ToArray();
        var entries = new List<string>();
        foreach (var id in organisations)
        {
            entries.Add(Registered(NewEventId(), 0, id, Association, Li));
            entries.AddRange(Enumerable.Range(1, changes).Select(i => ContactsChanged($"{id}-change-{i:D2}-{Guid.NewGuid():N}", i, id, Association, Busy(i))));
        }

        foreach (var json in entries.OrderBy(_ => Random.Shared.Next()))
        {
            await AddAsync(_db, json);
        }

        await using var app = await CopyHost.StartAsync(redis.Multiplexer, options: o =>
        {
            o.HandlerConcurrency = 8;
            // Lost races and changes ahead of the registration are retried; none may run out of attempts here.
            o.MaxDeliveryAttempts = 100;
        });
        await DrainedAsync(app, TimeSpan.FromSeconds(60));

        var copies = await app.Organisations.FindManyAsync(organisations, TestContext.Current.CancellationToken);
        Assert.All(organisations, id => Assert.Equal([Busy(changes)], copies[id].Contacts));
        foreach (var id in organisations)
        {
            Assert.StartsWith($"{id}-change-{changes}-", await StoredAsync(app, "organisation", id, FactCopyKeys.EventField), StringComparison.Ordinal);
        }

        Assert.Empty(await Streams.DeadLettersAsync(_db, app.AppId));
    }

    [Fact]
    public async Task Batch_commits_keep_the_newer_change_when_one_batch_holds_two_changes_of_one_fact()
    {
        var appId = CopyHost.NewAppId();
        await AddAsync(_db, Registered(NewEventId(), 1, "org-batch", Association, Li));
        await using (var first = await CopyHost.StartAsync(redis.Multiplexer, appId))
        {
            await DrainedAsync(first);
        }

        // Read in one batch by the next instance, both reading the copy the registration left.
        await AddAsync(_db, ContactsChanged(NewEventId(), 3, "org-batch", Association, Zhao));
        await AddAsync(_db, ContactsChanged(NewEventId(), 2, "org-batch", Association, Wang));
        await AddAsync(_db, Registered(NewEventId(), 1, "org-other", Association, Li));
        await using var second = await CopyHost.StartAsync(redis.Multiplexer, appId, o => o.CommitInBatches = true);
        await DrainedAsync(second);

        Assert.Equal([Zhao], (await second.Organisations.FindAsync("org-batch", TestContext.Current.CancellationToken))!.Contacts);
        Assert.NotNull(await second.Organisations.FindAsync("org-other", TestContext.Current.CancellationToken));
    }

    private static string NewEventId() => Guid.NewGuid().ToString();

    private static Contact Busy(int change) => new($"联系人{change}", "13900000000", "busy@cahb.org.cn");

    /// <summary>The event's time as the copy stores it: UTC, round-trip format.</summary>
    private static string StoredTime(int seconds) => (T0 + TimeSpan.FromSeconds(seconds)).UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    private Task DrainedAsync(CopyHost app, TimeSpan? timeout = null) =>
        Eventually.HoldsAsync(() => Streams.DrainedAsync(_db, app.AppId), "every registry event is acknowledged", timeout);

    private async Task<string?> StoredAsync(CopyHost app, string kind, string id, string field) =>
        await _db.HashGetAsync(FactCopyKeys.Fact(app.AppId, kind, id), field);
}
