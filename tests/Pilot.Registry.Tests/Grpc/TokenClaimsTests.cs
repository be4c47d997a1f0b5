using Grpc.Core;
using Pilot.Protos.Registry;
using Pilot.SharedKernel;
using Pilot.Testing.Services;

namespace Pilot.Registry.Tests.Grpc;

/// <summary>The Registry checks a token's claims the same way as every service (ServiceDefaults' TokenClaims).</summary>
public sealed class TokenClaimsTests(RegistryFactory factory) : IClassFixture<RegistryFactory>
{
    [Theory]
    [InlineData("110100")]
    [InlineData("*")]
    [InlineData("999999")]
    public async Task A_provincial_hr_token_without_a_province_level_region_is_unauthenticated(string region)
    {
        var token = factory.Tokens.Issue(Roles.ProvincialHr, region: region);
        using var channel = factory.CreateChannel();
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new Protos.Registry.Registry.RegistryClient(channel).ListBatchesAsync(new ListBatchesRequest(), Bearer.Header(token), cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }
}
