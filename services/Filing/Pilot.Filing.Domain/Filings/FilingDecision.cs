namespace Pilot.Filing.Domain.Filings;

/// <summary>A bureau's decision on one attempt of a filing.</summary>
/// <param name="Outcome">Accepted or Rejected.</param>
/// <param name="DecidedAt">When.</param>
/// <param name="DecidedBy">Subject of the bureau's user.</param>
/// <param name="FilingNumber">备案编号, when accepted.</param>
/// <param name="FiledOn">Date the bureau's filing bears, when accepted.</param>
/// <param name="Reason">Why, when rejected.</param>
public sealed record FilingDecision(
    FilingStatus Outcome,
    DateTimeOffset DecidedAt,
    string DecidedBy,
    string? FilingNumber,
    DateOnly? FiledOn,
    string? Reason);
