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
    /// <summary>
    /// For a service that calls <c>AddGrpc()</c> again after the defaults (to add JSON transcoding): that call registers
    /// grpc-dotnet's own binder once more, which would bind every method a second time without the checks. Call this
    /// after it; providers of other kinds (transcoding) stay.
    /// </summary>
    public static IServiceCollection KeepOnlyCheckedGrpcBinding(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var uncheckedBinders = services
            .Where(descriptor => descriptor.ServiceType == typeof(IServiceMethodProvider<>)
                && descriptor.ImplementationType is { } type
                && type != typeof(CheckedServiceMethodProvider<>)
                && type.Assembly == typeof(global::Grpc.AspNetCore.Server.GrpcServiceOptions).Assembly)
            .ToList();
        foreach (var descriptor in uncheckedBinders)
        {
            services.Remove(descriptor);
        }

        return services;
    }

    internal static IServiceCollection AddCheckedRequestReading(this IServiceCollection services)
    {
        services.RemoveAll(typeof(IServiceMethodProvider<>));
        services.TryAddSingleton<InputChecker>();
        services.AddSingleton(typeof(IServiceMethodProvider<>), typeof(CheckedServiceMethodProvider<>));
        return services;
    }
}
