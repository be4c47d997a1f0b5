using Pilot.Testing.Services;

namespace Pilot.Filing.Tests.Grpc;

public sealed class FilingAuthenticationTests(FilingFactory factory)
    : AuthenticationCoverageTests<Program>(factory), IClassFixture<FilingFactory>
{
    protected override IReadOnlySet<string> PublicMethods { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "/pilot.filing.v1.Filing/GetChecklist",
    };
}
