using Pilot.Publication.Tests.Journey;
using Pilot.Testing.Services.Hostile;

namespace Pilot.Publication.Tests.Grpc;

public sealed class MalformedBodyTests(JourneyFactory factory)
    : MalformedBodyCoverageTests<Program>(factory, Protos.Publication.PublicationReflection.Descriptor), IClassFixture<JourneyFactory>;
