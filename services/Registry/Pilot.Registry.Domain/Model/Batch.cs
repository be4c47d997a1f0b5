namespace Pilot.Registry.Domain.Model;

/// <summary>A pilot batch (试点批次), e.g. 2020年第一批.</summary>
public sealed record Batch(string Id, string Name, BatchMilestones Milestones, BatchStatus Status)
{
    public bool IsOpen => Status == BatchStatus.Open;
}
