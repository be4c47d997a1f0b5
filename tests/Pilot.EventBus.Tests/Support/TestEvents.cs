namespace Pilot.EventBus.Tests.Support;

/// <summary>Test events carry a key the counting handler increments, so "changed once" is observable.</summary>
public interface ITestEvent
{
    string Key { get; }
}

// Each test class owns one topic: classes run in parallel on the shared Redis, tests within a class do not.
public sealed record LedgerPosted(string Key, decimal Amount) : IIntegrationEvent, ITestEvent
{
    public static string EventType => "pilot.test.ledger.posted.v1";

    public static string Topic => "test-outbox-events";
}

public sealed record ParcelShipped(string Key, int WeightGrams) : IIntegrationEvent, ITestEvent
{
    public static string EventType => "pilot.test.parcel.shipped.v1";

    public static string Topic => "test-consumer-events";
}

/// <summary>The batch-commit tests' own topic: sharing <see cref="ParcelShipped"/>'s let one class delete the stream under the other.</summary>
public sealed record CrateLoaded(string Key, int WeightGrams) : IIntegrationEvent, ITestEvent
{
    public static string EventType => "pilot.test.crate.loaded.v1";

    public static string Topic => "test-batch-events";
}

/// <summary>
/// The Redis-down tests' own topic: sharing <see cref="ParcelShipped"/>'s put their event in the consumer tests' counts
/// when the two classes ran at once.
/// </summary>
public sealed record PalletStored(string Key, int WeightGrams) : IIntegrationEvent, ITestEvent
{
    public static string EventType => "pilot.test.pallet.stored.v1";

    public static string Topic => "test-redis-down-events";
}

/// <summary>Same topic as <see cref="ParcelShipped"/> but never subscribed to.</summary>
public sealed record ParcelLost(string Key) : IIntegrationEvent, ITestEvent
{
    public static string EventType => "pilot.test.parcel.lost.v1";

    public static string Topic => "test-consumer-events";
}

public sealed record InvoiceIssued(string Key) : IIntegrationEvent, ITestEvent
{
    public static string EventType => "pilot.test.invoice.issued.v1";

    public static string Topic => "test-retry-events";
}

public sealed record SignalRaised(string Key) : IIntegrationEvent, ITestEvent
{
    public static string EventType => "pilot.test.signal.raised.v1";

    public static string Topic => "test-trace-events";
}

public sealed record ReminderDue(string Key) : IIntegrationEvent, ITestEvent
{
    public static string EventType => "pilot.test.reminder.due.v1";

    public static string Topic => "test-followup-events";
}

public sealed record GaugeRead(string Key) : IIntegrationEvent, ITestEvent
{
    public static string EventType => "pilot.test.gauge.read.v1";

    public static string Topic => "test-health-events";
}

public sealed record PermitGranted(string Key, string HolderName) : IIntegrationEvent, ITestEvent
{
    public static string EventType => "pilot.test.permit.granted.v1";

    public static string Topic => "test-dapr-events";
}

public sealed record LicenceRenewed(string Key, int Years) : IIntegrationEvent, ITestEvent
{
    public static string EventType => "pilot.test.licence.renewed.v1";

    public static string Topic => "test-endpoint-events";
}

/// <summary>Published by a handler in reaction to <see cref="ReminderDue"/>.</summary>
public sealed record ReminderSent(string Key) : IIntegrationEvent, ITestEvent
{
    public static string EventType => "pilot.test.reminder.sent.v1";

    public static string Topic => "test-followup-out-events";
}

/// <summary>What the crash probe process commits before it is killed (same type and topic as the probe's own record).</summary>
public sealed record ProbeCommitted(string Key) : IIntegrationEvent, ITestEvent
{
    public static string EventType => "pilot.test.probe.committed.v1";

    public static string Topic => "test-crash-events";
}

/// <summary>The dead-letter replay tests' own topic.</summary>
public sealed record NoticeSent(string Key) : IIntegrationEvent, ITestEvent
{
    public static string EventType => "pilot.test.notice.sent.v1";

    public static string Topic => "test-deadletter-events";
}
