using Pilot.Registry.Domain.Queries;

namespace Pilot.Registry.Application;

/// <summary>A branch as answered to a caller, with the departments whose recommendation for its batch names its organisation.</summary>
internal sealed record RecommendedBranch(BranchView View, IReadOnlyList<string> RecommendedBy);
