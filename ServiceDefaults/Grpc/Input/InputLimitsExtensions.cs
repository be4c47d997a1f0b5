using Grpc.AspNetCore.Server.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Pilot.ServiceDefaults.Grpc.Input;

public static class InputLimitsExtensions
{
    /// <summary>Declares a service's input limits; every request of every service in the process is checked against all declared.</summary>
    public static IServiceCollection AddInputLimits(this IServiceCollection services, InputLimits limits)
    {
        services.AddSingleton(limits);
        return services;
    }

    /// <summary>Puts <see cref="CheckedServiceMethodProvider{TService}"/> in place of grpc-dotnet's binder (call after AddGrpc).</summary>
    internal static IServiceCollection AddCheckedRequestReading(this IServiceCollection services)
    {
        services.RemoveAll(typeof(IServiceMethodProvider<>));
        services.TryAddSingleton<InputChecker>();
        services.AddSingleton(typeof(IServiceMethodProvider<>), typeof(CheckedServiceMethodProvider<>));
        return services;
    }
}
