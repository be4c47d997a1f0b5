using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Pilot.EventBus.Dapr;

/// <summary>
/// Authenticates daprd by Dapr's app API token, so the routes daprd calls can demand it through the ordinary
/// authorization pipeline instead of the services' user JWTs, which daprd does not carry.
/// </summary>
internal sealed class DaprdAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions, ILoggerFactory logger, UrlEncoder encoder, IOptions<EventBusOptions> busOptions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string SchemeName = "PilotDaprd";

    /// <summary>The policy of daprd's routes: authenticated by <see cref="SchemeName"/>, and by nothing else.</summary>
    public const string Policy = "PilotDaprd";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.ContainsKey(DaprApiToken.Header))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!DaprApiToken.IsPresentedBy(Request, busOptions.Value.AppApiToken))
        {
            return Task.FromResult(AuthenticateResult.Fail("the dapr-api-token is not this app's APP_API_TOKEN"));
        }

        var daprd = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "daprd")], SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(daprd, SchemeName)));
    }
}
