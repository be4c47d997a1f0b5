using Microsoft.Extensions.DependencyInjection;
using Pilot.EventBus;

namespace Pilot.FactCopies;

/// <summary>Declares which events build one kind of copied fact, and how.</summary>
public sealed class FactCopyBuilder<TFact>
    where TFact : class
{
    private readonly IServiceCollection _services;
    private readonly FactCopyCatalog _catalog;

    internal FactCopyBuilder(IServiceCollection services, FactCopyCatalog catalog, string kind)
    {
        _services = services;
        _catalog = catalog;
        Kind = kind;
    }

    public string Kind { get; }

    internal int RuleCount { get; private set; }

    /// <summary>
    /// Follows <typeparamref name="TEvent"/>: <paramref name="apply"/> gets the copy as it is (null when there is none
    /// yet) and returns it as the event leaves it, or null for "nothing to write" (the event says nothing about this
    /// fact). It is not called for an event older than the copy, which stays as it is. It may also throw
    /// <see cref="FactNotCopiedYetException"/> to have the event delivered again later.
    /// </summary>
    /// <param name="idOf">The id of the fact the event is about; an event without one is dead-lettered.</param>
    public FactCopyBuilder<TFact> From<TEvent>(Func<TEvent, string> idOf, Func<TFact?, TEvent, TFact?> apply)
        where TEvent : IIntegrationEvent
    {
        ArgumentNullException.ThrowIfNull(idOf);
        ArgumentNullException.ThrowIfNull(apply);
        _catalog.AddRule(Kind, typeof(TEvent));
        _services.AddSingleton<IFactCopyRule<TEvent>>(new FactCopyRule<TFact, TEvent>(Kind, idOf, apply));
        if (_catalog.FirstRuleFor(typeof(TEvent)))
        {
            _services.AddEventHandler<TEvent, CopyFactsOnEvent<TEvent>>();
        }

        RuleCount++;
        return this;
    }

    /// <summary>
    /// Follows an event that changes a fact it cannot build alone (contacts changed). When the copy does not exist yet,
    /// nothing is invented: <see cref="FactNotCopiedYetException"/> has the bus deliver the change again later, and once
    /// the record has arrived the change applies (unless a newer event got there first). A change whose record never
    /// arrives ends in the topic's dead letters after the bus's delivery attempts.
    /// </summary>
    /// <remarks>
    /// All events of one kind are ordered together, per fact: a change arriving after a newer event of the kind is
    /// dropped even when that event changed other fields. So build a kind from events that each restate what they
    /// change (a record and its full-state changes, contacts and their replacement), and keep facts that change
    /// independently of each other in kinds of their own.
    /// </remarks>
    public FactCopyBuilder<TFact> FromChange<TEvent>(Func<TEvent, string> idOf, Func<TFact, TEvent, TFact?> change)
        where TEvent : IIntegrationEvent
    {
        ArgumentNullException.ThrowIfNull(idOf);
        ArgumentNullException.ThrowIfNull(change);
        return From<TEvent>(idOf, (current, evt) => current is null ? throw new FactNotCopiedYetException(Kind, idOf(evt), TEvent.EventType) : change(current, evt));
    }
}
