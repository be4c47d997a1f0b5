using Pilot.Testing.Services.Hostile;

namespace Pilot.Registry.Tests.Grpc;

public sealed class MalformedBodyTests(RegistryFactory factory)
    : MalformedBodyCoverageTests<Program>(factory, Protos.Registry.RegistryReflection.Descriptor), IClassFixture<RegistryFactory>;
