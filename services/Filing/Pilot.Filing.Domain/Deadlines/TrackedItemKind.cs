namespace Pilot.Filing.Domain.Deadlines;

/// <summary>Things with a due date in a batch; each belongs to one milestone of 五、时间安排.</summary>
public enum TrackedItemKind
{
    /// <summary>Material package with the pilot work plan (due at the plan milestone, 9月底).</summary>
    MaterialPackage,

    /// <summary>A branch's local filing (due at the filing guidance milestone, 10月上旬).</summary>
    LocalFiling,

    /// <summary>An evaluation organisation's implementation plan (due at the last milestone, 11月中旬).</summary>
    ImplementationPlan,
}
