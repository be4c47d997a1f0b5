namespace Pilot.Notification.Reminders;

/// <summary>An open batch and its dates (R8), as the Registry announced them; closed batches are forgotten.</summary>
public sealed record BatchMilestones(string BatchId, string Name, DateOnly PlanStandardsAndFirstListDue, DateOnly LocalFilingGuidanceDue, DateOnly ImplementationPublicityAndDirectoryDue);
