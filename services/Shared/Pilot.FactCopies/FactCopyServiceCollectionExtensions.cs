using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pilot.EventBus;
using StackExchange.Redis;

namespace Pilot.FactCopies;

public static class FactCopyServiceCollectionExtensions
{
    /// <summary>
    /// Keeps a copy of another service's <typeparamref name="TFact"/>s from its events, under this app's keys
    /// (<see cref="FactCopyKeys"/>), readable through <see cref="IFactCopy{TFact}"/>. <paramref name="configure"/> names
    /// the events that build it; each becomes a bus handler, so the app needs <c>AddPilotEventBus</c> and must not
    /// handle those event types itself (the bus takes one handler per event type).
    /// </summary>
    /// <remarks>
    /// <para>
    /// Each event is applied once and in order: a redelivered envelope is dropped by the bus; an event no newer than
    /// the copy leaves it as it is (its function does not even run), so a delivery retried after later events were
    /// handled cannot overwrite them; and a write holds only if the copy is still as read, so two deliveries for one
    /// fact cannot interleave (the loser is retried by the bus, and then finds itself older).
    /// </para>
    /// <para>
    /// "Newer" is by the envelope's CloudEvents <c>time</c>, ties broken by its id (ordinal). That time is the
    /// producer's clock when it wrote the envelope (under Dapr, the time daprd stamps when the relay publishes), so the
    /// order is only as good as that clock: producer instances whose clocks disagree, or a clock stepped back, can make
    /// a newer change look older, and the copy keeps the older fact until the next change. An envelope without a
    /// readable time is dead-lettered.
    /// </para>
    /// <para>Copies are never deleted: no event removes one yet.</para>
    /// </remarks>
    /// <param name="kind">Lower-case letters, digits and '-', e.g. <c>organisation</c>; part of the keys, so renaming it moves the copy.</param>
    public static IServiceCollection AddFactCopy<TFact>(this IServiceCollection services, string kind, Action<FactCopyBuilder<TFact>> configure)
        where TFact : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var catalog = CatalogOf(services);
        catalog.AddKind(kind, typeof(TFact));
        var builder = new FactCopyBuilder<TFact>(services, catalog, kind);
        configure(builder);
        if (builder.RuleCount == 0)
        {
            throw new InvalidOperationException($"The fact copy '{kind}' follows no event, so it would stay empty.");
        }

        services.TryAddScoped<FactCopyStore>();
        services.AddSingleton<IFactCopy<TFact>>(sp => new FactCopyReader<TFact>(kind, sp.GetRequiredService<IConnectionMultiplexer>(), sp.GetRequiredService<IOptions<EventBusOptions>>()));
        return services;
    }

    private static FactCopyCatalog CatalogOf(IServiceCollection services)
    {
        if (services.FirstOrDefault(d => d.ServiceType == typeof(FactCopyCatalog) && !d.IsKeyedService)?.ImplementationInstance is FactCopyCatalog catalog)
        {
            return catalog;
        }

        catalog = new FactCopyCatalog();
        services.AddSingleton(catalog);
        return catalog;
    }
}
