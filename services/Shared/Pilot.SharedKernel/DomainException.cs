namespace Pilot.SharedKernel;

/// <summary>
/// A refusal that the caller can act on: which rule of the notice (R1…R9) was broken, if any,
/// and which fields are at fault. Services turn it into an <c>RpcException</c> with a
/// machine-readable status detail.
/// </summary>
public class DomainException : Exception
{
    public DomainException(ErrorKind kind, string? rule, string message, IReadOnlyList<FieldViolation>? violations = null)
        : base(message)
    {
        Kind = kind;
        Rule = rule;
        Violations = violations ?? [];
    }

    public DomainException()
        : this(ErrorKind.Invalid, null, "The request was refused.")
    {
    }

    public DomainException(string message)
        : this(ErrorKind.Invalid, null, message)
    {
    }

    public DomainException(string message, Exception innerException)
        : base(message, innerException)
    {
        Kind = ErrorKind.Invalid;
        Violations = [];
    }

    public ErrorKind Kind { get; }

    /// <summary>The rule of DOMAIN.md that refused the request (e.g. "R3"), or null for plain input errors.</summary>
    public string? Rule { get; }

    public IReadOnlyList<FieldViolation> Violations { get; }

    public static DomainException Invalid(string field, string description, string? rule = null) =>
        new(ErrorKind.Invalid, rule, Prefix(rule) + description, [new FieldViolation(field, description)]);

    public static DomainException Precondition(string field, string description, string? rule = null) =>
        new(ErrorKind.Precondition, rule, Prefix(rule) + description, [new FieldViolation(field, description)]);

    /// <param name="rule">The rule that keeps the caller out (R6: a bureau decides for its own region only), if one does.</param>
    public static DomainException Forbidden(string description, string? rule = null) =>
        new(ErrorKind.Forbidden, rule, Prefix(rule) + description);

    public static DomainException NotFound(string field, string description) =>
        new(ErrorKind.NotFound, null, description, [new FieldViolation(field, description)]);

    public static DomainException Conflict(string field, string description) =>
        new(ErrorKind.Conflict, null, description, [new FieldViolation(field, description)]);

    public static DomainException AlreadyExists(string field, string description) =>
        new(ErrorKind.AlreadyExists, null, description, [new FieldViolation(field, description)]);

    private static string Prefix(string? rule) => rule is null ? string.Empty : rule + ": ";
}
