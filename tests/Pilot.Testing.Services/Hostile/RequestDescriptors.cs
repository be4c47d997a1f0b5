using Google.Protobuf.Reflection;

namespace Pilot.Testing.Services.Hostile;

/// <summary>Each method's request type by the method's full name (<c>/package.Service/Method</c>).</summary>
public static class RequestDescriptors
{
    public static IReadOnlyDictionary<string, MessageDescriptor> Of(params FileDescriptor[] files) =>
        files.Append(Grpc.Health.V1.HealthReflection.Descriptor)
            .Append(Pilot.Protos.Identity.IdentityReflection.Descriptor)
            .SelectMany(file => file.Services)
            .SelectMany(service => service.Methods)
            .ToDictionary(method => $"/{method.Service.FullName}/{method.Name}", method => method.InputType);
}
