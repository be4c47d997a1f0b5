using Pilot.Registry.Domain.Model;

namespace Pilot.Registry.Domain.Commands;

/// <summary>Opens a new pilot batch. Field paths: <c>batch_id</c>, <c>name</c>, <c>milestones.*</c>.</summary>
public sealed record OpenBatch(string RequestId, string BatchId, string Name, BatchMilestones Milestones);
