using Pilot.SharedKernel;

namespace Pilot.Registry.Domain.Validation;

/// <summary>
/// Record ids are chosen by the layer above (the gRPC service or the caller's own org id), so
/// they are checked for a shape that is safe as a storage key and a CloudEvents subject.
/// </summary>
internal static class Identifiers
{
    public static bool IsWellFormed(string? id) => RecordIds.IsWellFormed(id);

    public static void Check(string? id, string field, Violations violations)
    {
        if (!IsWellFormed(id))
        {
            violations.Add(field, $"'{id}' is not an id: {RecordIds.ShapeDescription}");
        }
    }
}
