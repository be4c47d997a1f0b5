using Google.Rpc;
using Grpc.Core;
using Pilot.Protos.Filing;
using Pilot.SharedKernel;
using Pilot.Testing.Services;

namespace Pilot.Filing.Tests.Grpc;

/// <summary>
/// A provincial-hr token must name a province-level region: Filing served regions 110100 (a city), '*' and 999999,
/// and made audit streams for them. The check is ServiceDefaults' (TokenClaims), the same in every service.
/// </summary>
public sealed class TokenClaimsTests(FilingFactory factory) : IClassFixture<FilingFactory>
{
    [Theory]
    [InlineData("110100")]
    [InlineData("*")]
    [InlineData("999999")]
    [InlineData("")]
    [InlineData("110000 ")]
    public async Task A_provincial_hr_token_without_a_province_level_region_is_refused_and_leaves_nothing(string region)
    {
        var token = factory.Tokens.Issue(Roles.ProvincialHr, region: region, subject: "clerk");
        var client = factory.Client();

        var error = await Assert.ThrowsAsync<RpcException>(() => client.ListAuditAsync(new ListAuditRequest(), Bearer.Header(token), cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal("TOKEN_CLAIMS_INVALID", error.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason);
        Assert.False(await factory.Redis.KeyExistsAsync($"filing:audit:region:{region}"));
    }

    [Fact]
    public async Task A_provincial_hr_token_without_any_region_is_refused()
    {
        var token = factory.Tokens.Issue(Roles.ProvincialHr, subject: "clerk");
        var error = await Assert.ThrowsAsync<RpcException>(() => factory.Client().ListFilingsAsync(new ListFilingsRequest(), Bearer.Header(token), cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Theory]
    [InlineData("org", "a b")]
    [InlineData("sub", "")]
    public async Task Claims_that_are_not_ids_or_printable_text_are_refused(string claim, string value)
    {
        var token = claim == "org"
            ? factory.Tokens.Issue(Roles.Department, org: value, subject: "dept")
            : factory.Tokens.Issue(Roles.NationalCentre, subject: value);
        var error = await Assert.ThrowsAsync<RpcException>(() => factory.Client().ListFilingsAsync(new ListFilingsRequest(), Bearer.Header(token), cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task A_bureau_with_a_province_code_is_served()
    {
        var token = factory.Tokens.Issue(Roles.ProvincialHr, region: "110000", subject: "clerk");
        var answer = await factory.Client().ListFilingsAsync(new ListFilingsRequest(), Bearer.Header(token), cancellationToken: TestContext.Current.CancellationToken);
        Assert.NotNull(answer);
    }
}
