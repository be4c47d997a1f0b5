using Pilot.Registry.Domain.Model;
using Pilot.SharedKernel;

namespace Pilot.Registry.Domain.Rules;

/// <summary>
/// R3's refusal when two organisations leave some former occupations uncovered. Besides the field
/// violations it carries the gaps as data, so the service can return them in a structured detail.
/// </summary>
public sealed class CoverageGapException : DomainException
{
    public CoverageGapException(string message, IReadOnlyList<FieldViolation> violations, IReadOnlyList<OccupationRef> uncovered)
        : base(ErrorKind.Invalid, RuleIds.TwoPerDepartment, message, violations)
    {
        Uncovered = uncovered;
    }

    public CoverageGapException()
        : this("R3: coverage has gaps", [], [])
    {
    }

    public CoverageGapException(string message)
        : this(message, [], [])
    {
    }

    public CoverageGapException(string message, Exception innerException)
        : base(message, innerException)
    {
        Uncovered = [];
    }

    public IReadOnlyList<OccupationRef> Uncovered { get; }
}
