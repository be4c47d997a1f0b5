namespace Pilot.EventBus;

/// <summary>An event ready to be appended by the caller's own commit script.</summary>
/// <param name="Id">The CloudEvents id.</param>
/// <param name="Stream">The topic stream (Redis Streams transport) or this app's outbox (Dapr).</param>
/// <param name="Data">The CloudEvents envelope as UTF-8 JSON: the entry's <c>data</c> field, as daprd writes it.</param>
/// <param name="MaxLength">Approximate MAXLEN to trim the stream to, or null for no trimming (the outbox is drained, never trimmed).</param>
/// <param name="Committed">Call after the commit succeeded: wakes the relay or counts the publish.</param>
public sealed record PreparedEvent(string Id, string Stream, byte[] Data, long? MaxLength, Action Committed);
