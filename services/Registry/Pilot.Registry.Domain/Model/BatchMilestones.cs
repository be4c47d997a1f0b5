namespace Pilot.Registry.Domain.Model;

/// <summary>The three deadlines of R8 (五) that each batch sets for itself.</summary>
/// <param name="PlanStandardsAndFirstList">Pilot work plan, selection standards and first list of organisations (五.1).</param>
/// <param name="LocalFilingGuidance">Guidance for local filing of branches (五.2).</param>
/// <param name="ImplementationPublicityAndDirectory">Implementation plans, publicity finished, directory published (五.3).</param>
public sealed record BatchMilestones(
    DateOnly PlanStandardsAndFirstList,
    DateOnly LocalFilingGuidance,
    DateOnly ImplementationPublicityAndDirectory)
{
    /// <summary>The dates the notice itself sets for 2020: end of September, early October, mid-November.</summary>
    public static BatchMilestones For2020 { get; } = new(new DateOnly(2020, 9, 30), new DateOnly(2020, 10, 10), new DateOnly(2020, 11, 15));
}
