using Pilot.Testing.Services;

namespace Pilot.Notification.Tests.Grpc;

public sealed class NotificationAuthenticationTests(NotificationFactory factory)
    : AuthenticationCoverageTests<Program>(factory), IClassFixture<NotificationFactory>
{
    protected override IReadOnlySet<string> PublicMethods { get; } = new HashSet<string>(StringComparer.Ordinal);
}
