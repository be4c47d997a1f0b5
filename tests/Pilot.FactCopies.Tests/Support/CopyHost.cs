using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pilot.EventBus;
using StackExchange.Redis;

namespace Pilot.FactCopies.Tests.Support;

/// <summary>
/// An app keeping the Registry's organisations, their credit codes and branches, as Notification or Publication would,
/// on the real bus with its timings shrunk from minutes to milliseconds.
/// </summary>
internal sealed class CopyHost : IAsyncDisposable
{
    private readonly IHost _host;

    private CopyHost(IHost host, string appId, ApplyCalls calls)
    {
        _host = host;
        AppId = appId;
        Calls = calls;
    }

    public string AppId { get; }

    /// <summary>How often each kind's function ran, by event type: it does not run for an event the copy already has or is newer than.</summary>
    public ApplyCalls Calls { get; }

    public IFactCopy<OrganisationFacts> Organisations => _host.Services.GetRequiredService<IFactCopy<OrganisationFacts>>();

    public IFactCopy<CreditCodeFacts> CreditCodes => _host.Services.GetRequiredService<IFactCopy<CreditCodeFacts>>();

    public IFactCopy<BranchFacts> Branches => _host.Services.GetRequiredService<IFactCopy<BranchFacts>>();

    public static string NewAppId() => $"copies-{Guid.NewGuid():N}";

    public static async Task<CopyHost> StartAsync(IConnectionMultiplexer redis, string? appId = null, Action<EventBusOptions>? options = null)
    {
        appId ??= NewAppId();
        var calls = new ApplyCalls();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton(redis);
        builder.AddPilotEventBus(appId, o =>
        {
            o.ReadBlockTime = TimeSpan.FromMilliseconds(100);
            o.ProcessingTimeout = TimeSpan.FromMilliseconds(200);
            o.ClaimInterval = TimeSpan.FromMilliseconds(50);
            o.RetryBackoffMultiplier = 1.5;
            o.MaxRetryDelay = TimeSpan.FromMilliseconds(400);
            o.MonitorInterval = TimeSpan.FromMilliseconds(100);
            options?.Invoke(o);
        });

        builder.Services.AddFactCopy<OrganisationFacts>("organisation", copy => copy
            .From<OrganisationRegistered>(e => e.OrganisationId, (_, e) => calls.Ran("organisation", e, new OrganisationFacts(e.OrganisationId, e.Name, e.CreditCode, e.Contacts)))
            .FromChange<OrganisationContactsChanged>(e => e.OrganisationId, (organisation, e) => calls.Ran("organisation", e, organisation with { Name = e.Name, Contacts = e.Contacts })));
        builder.Services.AddFactCopy<CreditCodeFacts>("credit-code", copy => copy
            .From<OrganisationRegistered>(e => e.CreditCode, (_, e) => calls.Ran("credit-code", e, new CreditCodeFacts(e.CreditCode, e.OrganisationId))));
        builder.Services.AddFactCopy<BranchFacts>("branch", copy => copy
            .From<BranchAdded>(e => e.BranchId, (_, e) => calls.Ran("branch", e, new BranchFacts(e.BranchId, e.OrganisationId, e.Name, e.CreditCode, e.RegionCode, e.RegionName)))
            .From<BranchChanged>(e => e.BranchId, (_, e) => calls.Ran("branch", e, new BranchFacts(e.BranchId, e.OrganisationId, e.Name, e.CreditCode, e.RegionCode, e.RegionName))));

        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        return new CopyHost(host, appId, calls);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
    }
}

internal sealed class ApplyCalls
{
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);

    public int Of<TEvent>(string kind)
        where TEvent : IIntegrationEvent => _calls.GetValueOrDefault($"{kind}/{TEvent.EventType}");

    /// <summary>Runs before each function returns its fact, with the event: lets a test hold one delivery mid-way.</summary>
    public Action<object>? Before { get; set; }

    public TFact Ran<TEvent, TFact>(string kind, TEvent evt, TFact fact)
        where TEvent : IIntegrationEvent
    {
        Before?.Invoke(evt!);
        _calls.AddOrUpdate($"{kind}/{TEvent.EventType}", 1, (_, count) => count + 1);
        return fact;
    }
}
