using Grpc.Core;
using Grpc.Net.Client.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Pilot.ServiceDefaults.Grpc;

public static class GrpcClientExtensions
{
    /// <summary>
    /// A gRPC client for another Pilot service, found by service discovery on its <c>grpc</c>
    /// endpoint (<c>services__{name}__grpc__0</c> from the AppHost) and retried with backoff while
    /// the other service is unavailable (restarting, not yet listening). Only Unavailable is retried:
    /// it means the call never reached the service, so a retry cannot do anything twice.
    /// </summary>
    public static IHttpClientBuilder AddPilotGrpcClient<TClient>(this IServiceCollection services, string serviceName)
        where TClient : class =>
        services
            .AddGrpcClient<TClient>(options => options.Address = new Uri($"http://_grpc.{serviceName}"))
            .ConfigureChannel(channel => channel.ServiceConfig = new ServiceConfig
            {
                MethodConfigs =
                {
                    new MethodConfig
                    {
                        Names = { MethodName.Default },
                        RetryPolicy = new RetryPolicy
                        {
                            MaxAttempts = 5,
                            InitialBackoff = TimeSpan.FromMilliseconds(200),
                            MaxBackoff = TimeSpan.FromSeconds(3),
                            BackoffMultiplier = 2,
                            RetryableStatusCodes = { StatusCode.Unavailable },
                        },
                    },
                },
            });
}
