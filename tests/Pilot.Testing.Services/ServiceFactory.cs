using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Pilot.ServiceDefaults.Security;

namespace Pilot.Testing.Services;

/// <summary>
/// One Pilot service in process (TestServer), with its own signing key and a gRPC channel over
/// the in-memory handler. <paramref name="redisConnectionString"/> points at a real redis-server when a
/// test needs storage; by default an unreachable address, so a test that needs Redis fails loudly.
/// </summary>
public class ServiceFactory<TProgram>(string? redisConnectionString = null) : WebApplicationFactory<TProgram>
    where TProgram : class
{
    private readonly byte[] signingKey = Convert.FromBase64String(LocalTokenIssuer.NewSigningKey());

    public LocalTokenIssuer Tokens => new(signingKey);

    /// <summary>The key the service trusts, for tests that mint tokens it should refuse for another reason.</summary>
    public byte[] SigningKey => signingKey;

    public GrpcChannel CreateChannel() =>
        GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions { HttpHandler = Server.CreateHandler() });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Pilot:Auth:SigningKey", Convert.ToBase64String(signingKey));
        builder.UseSetting("ConnectionStrings:redis", RedisConnectionString);
        ConfigureService(builder);
    }

    /// <summary>Where the service's Redis is.</summary>
    protected virtual string RedisConnectionString => redisConnectionString ?? "127.0.0.1:1,abortConnect=false,connectTimeout=200";

    /// <summary>Settings a particular service's tests add (blob folder, event bus options, …).</summary>
    protected virtual void ConfigureService(IWebHostBuilder builder)
    {
    }
}
