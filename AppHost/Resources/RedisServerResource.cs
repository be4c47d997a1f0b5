namespace Pilot.AppHost.Resources;

/// <summary>
/// Redis as the Debian <c>redis-server</c> process (no container engine on our machines).
/// Its connection string is the <c>host:port</c> of the port Aspire allocates.
/// </summary>
public sealed class RedisServerResource(string name, string workingDirectory)
    : ExecutableResource(name, RedisServerExtensions.Executable, workingDirectory), IResourceWithConnectionString
{
    public const string EndpointName = "tcp";

    public EndpointReference PrimaryEndpoint => new(this, EndpointName);

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"{PrimaryEndpoint.Property(EndpointProperty.HostAndPort)}");
}
