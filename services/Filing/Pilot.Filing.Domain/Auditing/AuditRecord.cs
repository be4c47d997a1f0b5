using Pilot.SharedKernel;

namespace Pilot.Filing.Domain.Auditing;

/// <summary>
/// One attempted decision, kept whether it succeeded or was refused, because a bureau deciding on
/// another region's filing is exactly what supervision (R9) needs to see.
/// </summary>
/// <param name="Action">What was attempted, one of <see cref="AuditActions"/>.</param>
/// <param name="Target">The package or filing it concerned.</param>
/// <param name="RequestId">The client's request id, linking retries.</param>
/// <param name="Subject">Who: the token's subject.</param>
/// <param name="Role">In which role.</param>
/// <param name="Region">The caller's region, for provincial HR bureaus.</param>
/// <param name="Org">The caller's organisation, for departments and organisations.</param>
/// <param name="System">From which client system the call came.</param>
/// <param name="At">When.</param>
/// <param name="Outcome">Whether it went through.</param>
/// <param name="RefusalKind">For refusals: how it was refused.</param>
/// <param name="Rule">For refusals under a rule of the notice: which one.</param>
/// <param name="Detail">A sentence on what happened.</param>
public sealed record AuditRecord(
    string Action,
    string Target,
    string? RequestId,
    string Subject,
    string Role,
    string? Region,
    string? Org,
    string? System,
    DateTimeOffset At,
    AuditOutcome Outcome,
    ErrorKind? RefusalKind,
    string? Rule,
    string Detail)
{
    // A refused request's fields are the caller's input: kept bounded, so a hostile request cannot grow the trail.
    private const int MaxNameChars = 128;
    private const int MaxDetailChars = 512;

    public static AuditRecord Succeeded(Caller caller, DateTimeOffset at, string action, string target, string? requestId, string detail)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return Bounded(new AuditRecord(action, target, requestId, caller.Subject, caller.Role, caller.Region, caller.Org, caller.System,
            at, AuditOutcome.Succeeded, null, null, detail));
    }

    public static AuditRecord Refused(Caller caller, DateTimeOffset at, string action, string target, string? requestId, DomainException refusal)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(refusal);
        return Bounded(new AuditRecord(action, target, requestId, caller.Subject, caller.Role, caller.Region, caller.Org, caller.System,
            at, AuditOutcome.Refused, refusal.Kind, refusal.Rule, refusal.Message));
    }

    private static AuditRecord Bounded(AuditRecord record) => record with
    {
        Target = Shortened.To(record.Target, MaxNameChars),
        RequestId = Shortened.ToOrNull(record.RequestId, MaxNameChars),
        Subject = Shortened.To(record.Subject, MaxNameChars),
        Region = Shortened.ToOrNull(record.Region, MaxNameChars),
        Org = Shortened.ToOrNull(record.Org, MaxNameChars),
        System = Shortened.ToOrNull(record.System, MaxNameChars),
        Detail = Shortened.To(record.Detail, MaxDetailChars),
    };
}
