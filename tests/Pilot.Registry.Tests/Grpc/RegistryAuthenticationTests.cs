using Pilot.Testing.Services;

namespace Pilot.Registry.Tests.Grpc;

public sealed class RegistryAuthenticationTests(RegistryFactory factory)
    : AuthenticationCoverageTests<Program>(factory), IClassFixture<RegistryFactory>
{
    protected override IReadOnlySet<string> PublicMethods { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "/pilot.registry.v1.Registry/ListRegions",
        "/pilot.registry.v1.Registry/ListOccupations",
        "/pilot.registry.v1.Registry/GetOccupation",
        "/pilot.registry.v1.Registry/GetOrganisation",
        "/pilot.registry.v1.Registry/ListOrganisations",
    };
}
