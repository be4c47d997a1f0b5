using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pilot.EventBus;
using Pilot.FactCopies.Tests.Support;
using Pilot.Testing;
using StackExchange.Redis;

namespace Pilot.FactCopies.Tests;

/// <summary>Declarations that would share keys, fight over one fact or collide on the bus are refused when the app is configured.</summary>
public sealed class RegistrationTests(RedisServerFixture redis)
{
    [Fact]
    public void A_kind_declared_twice_is_refused()
    {
        var services = new ServiceCollection();
        services.AddFactCopy<OrganisationFacts>("organisation", copy => copy.From<OrganisationRegistered>(e => e.OrganisationId, (_, e) => Organisation(e)));

        var error = Assert.Throws<InvalidOperationException>(() =>
            services.AddFactCopy<BranchFacts>("organisation", copy => copy.From<BranchAdded>(e => e.BranchId, (_, _) => null)));
        Assert.Contains("declared twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_fact_type_under_two_kinds_is_refused()
    {
        var services = new ServiceCollection();
        services.AddFactCopy<OrganisationFacts>("organisation", copy => copy.From<OrganisationRegistered>(e => e.OrganisationId, (_, e) => Organisation(e)));

        Assert.Throws<InvalidOperationException>(() =>
            services.AddFactCopy<OrganisationFacts>("organisation-again", copy => copy.From<OrganisationContactsChanged>(e => e.OrganisationId, (current, _) => current)));
    }

    [Fact]
    public void A_kind_following_one_event_type_twice_is_refused()
    {
        var services = new ServiceCollection();

        Assert.Throws<InvalidOperationException>(() => services.AddFactCopy<OrganisationFacts>("organisation", copy => copy
            .From<OrganisationRegistered>(e => e.OrganisationId, (_, e) => Organisation(e))
            .FromChange<OrganisationRegistered>(e => e.OrganisationId, (current, _) => current)));
    }

    [Fact]
    public void A_kind_following_no_event_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddFactCopy<OrganisationFacts>("organisation", _ => { }));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Organisation")]
    [InlineData("organisation:branch")]
    [InlineData("organisation branch")]
    public void A_kind_that_could_collide_in_the_keys_is_refused(string kind)
    {
        Assert.Throws<ArgumentException>(() =>
            new ServiceCollection().AddFactCopy<OrganisationFacts>(kind, copy => copy.From<OrganisationRegistered>(e => e.OrganisationId, (_, e) => Organisation(e))));
    }

    [Fact]
    public async Task An_app_handling_an_event_a_copy_follows_fails_to_start_naming_both_handlers()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<IConnectionMultiplexer>(redis.Multiplexer);
        builder.AddPilotEventBus(CopyHost.NewAppId());
        builder.Services.AddFactCopy<OrganisationFacts>("organisation", copy => copy.From<OrganisationRegistered>(e => e.OrganisationId, (_, e) => Organisation(e)));
        builder.Services.AddEventHandler<OrganisationRegistered, WelcomeOrganisation>();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync(TestContext.Current.CancellationToken));
        Assert.Contains(nameof(WelcomeOrganisation), error.Message, StringComparison.Ordinal);
        Assert.Contains("CopyFactsOnEvent", error.Message, StringComparison.Ordinal);
    }

    private static OrganisationFacts Organisation(OrganisationRegistered e) => new(e.OrganisationId, e.Name, e.CreditCode, e.Contacts);

    private sealed class WelcomeOrganisation : IEventHandler<OrganisationRegistered>
    {
        public Task HandleAsync(EventContext<OrganisationRegistered> context, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
