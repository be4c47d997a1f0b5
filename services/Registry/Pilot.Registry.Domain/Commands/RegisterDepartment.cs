using Pilot.Registry.Domain.Model;

namespace Pilot.Registry.Domain.Commands;

/// <summary>
/// Registers a government department as a sponsor. Field paths: <c>department.id</c>,
/// <c>department.name</c>, <c>department.former_occupations[i].code</c>.
/// </summary>
public sealed record RegisterDepartment(string RequestId, string DepartmentId, string Name, IReadOnlyList<OccupationRef> FormerOccupations);
