using Grpc.Core;
using Pilot.Notification.Tests.Support;
using Proto = Pilot.Protos.Notification;

namespace Pilot.Notification.Tests.Inbox;

/// <summary>The inbox stream: replay after a cursor, then live; a reconnect with the last cursor misses nothing and repeats nothing.</summary>
public sealed class WatchInboxTests(NotificationFixture fixture) : IClassFixture<NotificationFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_watcher_that_reconnects_with_its_last_cursor_gets_every_message_once_in_order()
    {
        var service = fixture.Service;
        var region = "440000";
        var bureau = service.AsBureau(region);
        await PublishAsync(region, 0);
        await PublishAsync(region, 1);

        var received = new List<Proto.InboxEvent>();
        using (var first = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            using var call = service.Client().WatchInbox(new Proto.WatchInboxRequest(), bureau, cancellationToken: first.Token);
            while (received.Count < 2 && await call.ResponseStream.MoveNext(first.Token))
            {
                received.Add(call.ResponseStream.Current);
            }

            // Live: a message committed while the stream is open is pushed.
            await PublishAsync(region, 2);
            Assert.True(await call.ResponseStream.MoveNext(first.Token));
            received.Add(call.ResponseStream.Current);
        }

        // Disconnected; two more arrive meanwhile.
        await PublishAsync(region, 3);
        await PublishAsync(region, 4);
        using (var second = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            using var call = service.Client().WatchInbox(new Proto.WatchInboxRequest { Cursor = received[^1].Cursor }, bureau, cancellationToken: second.Token);
            while (received.Count < 5 && await call.ResponseStream.MoveNext(second.Token))
            {
                received.Add(call.ResponseStream.Current);
            }
        }

        Assert.Equal([$"f-{region}-0", $"f-{region}-1", $"f-{region}-2", $"f-{region}-3", $"f-{region}-4"], received.Select(e => e.Message.About));
        Assert.Equal(5, received.Select(e => e.Cursor).Distinct().Count());
    }

    [Fact]
    public async Task A_made_up_cursor_is_refused()
    {
        using var call = fixture.Service.Client().WatchInbox(new Proto.WatchInboxRequest { Cursor = "tomorrow" }, fixture.Service.AsBureau("110000"), cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<RpcException>(async () => await call.ResponseStream.MoveNext(Ct));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    private async Task PublishAsync(string region, int index)
    {
        await Envelopes.PublishAsync(fixture.Redis, "filing-events", "pilot.filing.filing-submitted.v1", $"w-{region}-{index}", Envelopes.FilingSubmitted($"f-{region}-{index}", region));
        await Pilot.Testing.Eventually.HoldsAsync(
            async () => (await fixture.Service.Client().ListInboxAsync(new Proto.ListInboxRequest { PageSize = 100 }, fixture.Service.AsBureau(region), cancellationToken: Ct)).Messages.Count > index,
            $"message {index} arrived");
    }
}
