using Pilot.Testing.Services;

namespace Pilot.Registry.Tests.Grpc;

/// <summary>The Registry in process over its own throw-away redis-server, shared by a test class.</summary>
public sealed class RegistryFactory : RedisServiceFactory<Program>;
