using Pilot.Testing.Services.Hostile;

namespace Pilot.Filing.Tests.Grpc;

public sealed class MalformedBodyTests(FilingFactory factory)
    : MalformedBodyCoverageTests<Program>(factory, Protos.Filing.FilingReflection.Descriptor), IClassFixture<FilingFactory>;
