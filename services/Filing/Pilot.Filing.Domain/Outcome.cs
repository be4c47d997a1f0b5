using Pilot.Filing.Domain.Auditing;
using Pilot.Filing.Domain.Events;
using Pilot.SharedKernel;

namespace Pilot.Filing.Domain;

/// <summary>
/// What a decision produced. Refusals are returned rather than thrown because a refused attempt still
/// leaves traces the service must keep: an audit record always, and sometimes events (a refused package
/// is announced so the sponsor can be told what is missing).
/// </summary>
/// <remarks>
/// The service layer: on success, save <see cref="State"/> if its version is still the one it read,
/// then publish <see cref="Events"/> and store <see cref="Audit"/>; on refusal, store the audit record,
/// publish the events, and report <see cref="Refusal"/> to the caller.
/// </remarks>
public sealed record Outcome<TState>
    where TState : class
{
    internal Outcome(TState? state, IReadOnlyList<FilingEvent> events, AuditRecord audit, DomainException? refusal)
    {
        State = state;
        Events = events;
        Audit = audit;
        Refusal = refusal;
    }

    /// <summary>The new state; null when refused.</summary>
    public TState? State { get; }

    public IReadOnlyList<FilingEvent> Events { get; }

    public AuditRecord Audit { get; }

    /// <summary>Why the request was refused; null when it went through.</summary>
    public DomainException? Refusal { get; }

    public bool Succeeded => Refusal is null;

    /// <summary>The new state, or the refusal thrown; for callers with nothing else to do on refusal.</summary>
    public TState GetStateOrThrow() => Refusal is null ? State! : throw Refusal;
}

/// <summary>Builds outcomes; separate from the generic type so callers need not repeat the state type.</summary>
public static class Outcome
{
    public static Outcome<TState> Success<TState>(TState state, AuditRecord audit, params IReadOnlyList<FilingEvent> events)
        where TState : class =>
        new(state ?? throw new ArgumentNullException(nameof(state)), events, audit, null);

    public static Outcome<TState> Refused<TState>(DomainException refusal, AuditRecord audit, params IReadOnlyList<FilingEvent> events)
        where TState : class =>
        new(null, events, audit, refusal ?? throw new ArgumentNullException(nameof(refusal)));
}
