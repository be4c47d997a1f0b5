using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Pilot.Testing.Services;

/// <summary>Every gRPC method a running service has actually mapped, read from its endpoint table.</summary>
public static class GrpcSurface
{
    public static IReadOnlyList<Grpc.Core.IMethod> MappedMethods(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(endpoint => endpoint.Metadata.GetMetadata<GrpcMethodMetadata>())
            .OfType<GrpcMethodMetadata>()
            .Select(metadata => metadata.Method)
            .Where(method => !string.IsNullOrEmpty(method.Name))
            .DistinctBy(method => method.FullName)
            .OrderBy(method => method.FullName, StringComparer.Ordinal)
            .ToList();
}
