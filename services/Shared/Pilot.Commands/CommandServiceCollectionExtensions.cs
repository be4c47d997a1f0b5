using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Pilot.Commands;

public static class CommandServiceCollectionExtensions
{
    /// <summary>
    /// Adds the command pipeline for <paramref name="appId"/>, storing answers with the service's storage JSON
    /// (<paramref name="json"/>). Needs the event bus (its outbox) and an <c>IConnectionMultiplexer</c>.
    /// </summary>
    public static IServiceCollection AddCommandPipeline(this IServiceCollection services, IConfiguration configuration, string appId, JsonSerializerOptions json)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(appId);
        ArgumentNullException.ThrowIfNull(json);
        services.AddOptions<CommandOptions>()
            .Bind(configuration.GetSection(CommandOptions.SectionName))
            .Configure(options =>
            {
                options.AppId = appId;
                options.Json = json;
            })
            .Validate(options => options.MaxAttempts >= 1, $"{CommandOptions.SectionName}:MaxAttempts must be at least 1")
            .Validate(options => options.AnswerRetention >= TimeSpan.FromSeconds(1), $"{CommandOptions.SectionName}:AnswerRetention must be at least a second")
            .ValidateOnStart();
        services.TryAddSingleton<CommandPipeline>();
        return services;
    }
}
