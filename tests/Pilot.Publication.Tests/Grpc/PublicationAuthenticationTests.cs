using Pilot.Testing.Services;

namespace Pilot.Publication.Tests.Grpc;

public sealed class PublicationAuthenticationTests(PublicationFactory factory)
    : AuthenticationCoverageTests<Program>(factory), IClassFixture<PublicationFactory>
{
    protected override IReadOnlySet<string> PublicMethods { get; } = new HashSet<string>(StringComparer.Ordinal);
}
