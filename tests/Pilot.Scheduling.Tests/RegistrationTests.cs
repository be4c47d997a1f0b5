using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Pilot.Scheduling.Tests.Support;
using Pilot.Storage;
using Pilot.Testing;
using StackExchange.Redis;

namespace Pilot.Scheduling.Tests;

public sealed class RegistrationTests(RedisServerFixture redis)
{
    [Fact]
    public void Options_have_their_defaults_and_the_configuration_section_overrides_them()
    {
        var defaults = Options(builder => builder.AddPilotScheduling("filing"));
        Assert.Equal("filing", defaults.AppId);
        Assert.Equal(TimeSpan.FromSeconds(1), defaults.PollInterval);
        Assert.Equal(TimeSpan.FromMinutes(1), defaults.Lease);
        Assert.Equal(5, defaults.MaxAttempts);
        Assert.Equal(100, defaults.BatchSize);

        var configured = Options(builder =>
        {
            builder.Configuration.AddInMemoryCollection(
            [
                new KeyValuePair<string, string?>("Pilot:Scheduling:AppId", "publication"),
                new KeyValuePair<string, string?>("Pilot:Scheduling:PollInterval", "00:00:05"),
                new KeyValuePair<string, string?>("Pilot:Scheduling:MaxAttempts", "9"),
            ]);
            builder.AddPilotScheduling();
        });
        Assert.Equal("publication", configured.AppId);
        Assert.Equal(TimeSpan.FromSeconds(5), configured.PollInterval);
        Assert.Equal(9, configured.MaxAttempts);
    }

    [Fact]
    public void An_app_id_is_required()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Options(builder => builder.AddPilotScheduling()));
        Assert.Contains("AppId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_kind_name_for_two_handlers_is_rejected()
    {
        using var host = Build(builder =>
        {
            builder.AddPilotScheduling("registry");
            builder.Services.AddScheduledJob<CountJob, CountHandler>("same");
            builder.Services.AddScheduledJob<FailingJob, FailingHandler>("same");
        });

        var error = Assert.Throws<InvalidOperationException>(() => host.Services.GetRequiredService<IJobScheduler>());
        Assert.Contains("'same'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scheduling_a_job_type_with_no_registered_kind_is_refused_and_writes_nothing()
    {
        using var host = Build(builder => builder.AddPilotScheduling("registry"));
        var writes = new ConditionalCommit();

        var error = Assert.Throws<InvalidOperationException>(() =>
            host.Services.GetRequiredService<IJobScheduler>().Schedule(writes, "k", DateTimeOffset.UnixEpoch, new CountJob("c", "n")));
        Assert.Contains(nameof(CountJob), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Retry_delays_double_up_to_the_cap_and_jitter_only_adds_up_to_a_quarter()
    {
        var options = new SchedulingOptions { RetryDelay = TimeSpan.FromSeconds(10), MaxRetryDelay = TimeSpan.FromSeconds(60) };

        Assert.Equal(TimeSpan.FromSeconds(10), RetryBackoff.After(1, options, random: 0));
        Assert.Equal(TimeSpan.FromSeconds(20), RetryBackoff.After(2, options, random: 0));
        Assert.Equal(TimeSpan.FromSeconds(40), RetryBackoff.After(3, options, random: 0));
        Assert.Equal(TimeSpan.FromSeconds(60), RetryBackoff.After(4, options, random: 0));
        Assert.Equal(TimeSpan.FromSeconds(60), RetryBackoff.After(40, options, random: 0));
        Assert.Equal(TimeSpan.FromSeconds(25), RetryBackoff.After(2, options, random: 1));
        Assert.Equal(TimeSpan.FromSeconds(75), RetryBackoff.After(9, options, random: 1));
    }

    private SchedulingOptions Options(Action<HostApplicationBuilder> configure)
    {
        using var host = Build(configure);
        return host.Services.GetRequiredService<IOptions<SchedulingOptions>>().Value;
    }

    private IHost Build(Action<HostApplicationBuilder> configure)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<IConnectionMultiplexer>(redis.Multiplexer);
        configure(builder);
        return builder.Build();
    }
}
