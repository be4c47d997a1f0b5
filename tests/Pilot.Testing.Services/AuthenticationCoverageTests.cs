using Grpc.Core;
using Pilot.SharedKernel;

namespace Pilot.Testing.Services;

/// <summary>
/// Walks every gRPC method a service maps and calls it without a token: each must be refused with
/// Unauthenticated unless the service lists it as public. A method added later is covered without
/// anyone remembering to add a test for it.
/// </summary>
public abstract class AuthenticationCoverageTests<TProgram>(ServiceFactory<TProgram> factory)
    where TProgram : class
{
    /// <summary>Methods that are public in every service: health and (in Development) reflection.</summary>
    public static readonly IReadOnlySet<string> CommonPublicMethods = new HashSet<string>(StringComparer.Ordinal)
    {
        "/grpc.health.v1.Health/Check",
        "/grpc.health.v1.Health/Watch",
        "/grpc.health.v1.Health/List",
        "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo",
        "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo",
    };

    /// <summary>Full names (<c>/package.Service/Method</c>) of the service's own public methods.</summary>
    protected abstract IReadOnlySet<string> PublicMethods { get; }

    [Fact]
    public async Task Every_method_refuses_a_call_without_a_token_unless_it_is_public()
    {
        var methods = GrpcSurface.MappedMethods(factory.Services);
        Assert.Contains(methods, method => method.FullName == "/pilot.identity.v1.Identity/WhoAmI");

        var wronglyOpen = new List<string>();
        var wronglyClosed = new List<string>();
        foreach (var method in methods)
        {
            var status = await RawGrpcCall.StatusWithoutBodyAsync(factory.CreateChannel(), method, headers: null);
            var isPublic = CommonPublicMethods.Contains(method.FullName) || PublicMethods.Contains(method.FullName);
            if (!isPublic && status != StatusCode.Unauthenticated)
            {
                wronglyOpen.Add($"{method.FullName} answered {status}");
            }

            if (isPublic && status == StatusCode.Unauthenticated)
            {
                wronglyClosed.Add(method.FullName);
            }
        }

        Assert.True(wronglyOpen.Count == 0, string.Join("; ", wronglyOpen));
        Assert.Empty(wronglyClosed);
    }

    [Fact]
    public void Every_listed_public_method_exists()
    {
        var mapped = GrpcSurface.MappedMethods(factory.Services).Select(method => method.FullName).ToHashSet();
        Assert.All(PublicMethods, name => Assert.Contains(name, mapped));
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_refused()
    {
        var stranger = new Pilot.ServiceDefaults.Security.LocalTokenIssuer(
            Convert.FromBase64String(Pilot.ServiceDefaults.Security.LocalTokenIssuer.NewSigningKey()));
        var status = await WhoAmIStatusAsync(stranger.Issue(Roles.NationalCentre));
        Assert.Equal(StatusCode.Unauthenticated, status);
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var status = await WhoAmIStatusAsync(factory.Tokens.Issue(Roles.NationalCentre, lifetime: TimeSpan.FromMinutes(-10)));
        Assert.Equal(StatusCode.Unauthenticated, status);
    }

    [Fact]
    public async Task A_token_with_an_unknown_role_is_refused()
    {
        var status = await WhoAmIStatusAsync(factory.Tokens.Issue("mayor"));
        Assert.Equal(StatusCode.PermissionDenied, status);
    }

    [Fact]
    public async Task A_valid_token_is_understood_with_its_claims()
    {
        var client = new Pilot.Protos.Identity.Identity.IdentityClient(factory.CreateChannel());
        var token = factory.Tokens.Issue(Roles.ProvincialHr, region: "110000", system: "beijing-hr");
        var reply = await client.WhoAmIAsync(new Pilot.Protos.Identity.WhoAmIRequest(), Bearer.Header(token));
        Assert.Equal(Roles.ProvincialHr, reply.Role);
        Assert.Equal("110000", reply.Region);
        Assert.Equal("beijing-hr", reply.System);
        Assert.Matches("^(registry|filing|publication|notification)$", reply.Service);
    }

    [Fact]
    public async Task Each_refused_token_says_why_in_grpc_terms()
    {
        var stranger = new Pilot.ServiceDefaults.Security.LocalTokenIssuer(
            Convert.FromBase64String(Pilot.ServiceDefaults.Security.LocalTokenIssuer.NewSigningKey()));
        var otherAudience = new Pilot.ServiceDefaults.Security.LocalTokenIssuer(factory.SigningKey, audience: "another-system");

        Assert.Equal((StatusCode.Unauthenticated, "TOKEN_MISSING"), await WhoAmIRefusalAsync(headers: null));
        Assert.Equal((StatusCode.Unauthenticated, "TOKEN_EXPIRED"), await WhoAmIRefusalAsync(Bearer.Header(factory.Tokens.Issue(Roles.NationalCentre, lifetime: TimeSpan.FromMinutes(-10)))));
        Assert.Equal((StatusCode.Unauthenticated, "TOKEN_SIGNATURE_INVALID"), await WhoAmIRefusalAsync(Bearer.Header(stranger.Issue(Roles.NationalCentre))));
        Assert.Equal((StatusCode.Unauthenticated, "TOKEN_AUDIENCE_INVALID"), await WhoAmIRefusalAsync(Bearer.Header(otherAudience.Issue(Roles.NationalCentre))));
        Assert.Equal((StatusCode.PermissionDenied, "ROLE_UNKNOWN"), await WhoAmIRefusalAsync(Bearer.Header(factory.Tokens.Issue("mayor"))));
    }

    private async Task<(StatusCode Code, string? Reason)> WhoAmIRefusalAsync(Metadata? headers)
    {
        var client = new Pilot.Protos.Identity.Identity.IdentityClient(factory.CreateChannel());
        var error = await Assert.ThrowsAsync<RpcException>(() => client.WhoAmIAsync(new Pilot.Protos.Identity.WhoAmIRequest(), headers).ResponseAsync);
        var reason = error.GetRpcStatus()?.Details
            .Where(detail => detail.Is(Google.Rpc.ErrorInfo.Descriptor))
            .Select(detail => detail.Unpack<Google.Rpc.ErrorInfo>().Reason)
            .FirstOrDefault();
        return (error.StatusCode, reason);
    }

    private async Task<StatusCode> WhoAmIStatusAsync(string token)
    {
        var client = new Pilot.Protos.Identity.Identity.IdentityClient(factory.CreateChannel());
        try
        {
            await client.WhoAmIAsync(new Pilot.Protos.Identity.WhoAmIRequest(), Bearer.Header(token));
            return StatusCode.OK;
        }
        catch (RpcException error)
        {
            return error.StatusCode;
        }
    }
}
