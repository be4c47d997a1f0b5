using Pilot.Testing.Services;

namespace Pilot.Publication.Tests.Grpc;

public sealed class PublicationAuthenticationTests(PublicationFactory factory)
    : AuthenticationCoverageTests<Program>(factory), IClassFixture<PublicationFactory>
{
    // What the public reads, and the objection anyone may raise (三.5, 社会公众监督); everything else needs a token.
    protected override IReadOnlySet<string> PublicMethods { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "/pilot.publication.v1.Publication/ListPublicity",
        "/pilot.publication.v1.Publication/GetPublicityEntry",
        "/pilot.publication.v1.Publication/RaiseObjection",
        "/pilot.publication.v1.Publication/QueryDirectory",
        "/pilot.publication.v1.Publication/GetDirectoryEntry",
        "/pilot.publication.v1.Publication/ListDirectoryVersions",
        "/pilot.publication.v1.Publication/ExportDirectory",
    };
}
