namespace Pilot.Registry.Domain.Commands;

public sealed record CloseBatch(string RequestId, string BatchId);
