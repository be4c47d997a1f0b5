using Grpc.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Pilot.Protos.Identity;
using Pilot.ServiceDefaults.Security;

namespace Pilot.ServiceDefaults.Grpc;

internal sealed class IdentityService(IHostEnvironment environment, IConfiguration configuration) : Identity.IdentityBase
{
    // The app id the AppHost names the service by (Pilot:AppId), else the one its assembly implies (Pilot.Filing → filing).
    private readonly string appId = configuration["Pilot:AppId"] is { Length: > 0 } configured
        ? configured
        : environment.ApplicationName.Replace("Pilot.", string.Empty, StringComparison.Ordinal).ToLowerInvariant();

    public override Task<WhoAmIResponse> WhoAmI(WhoAmIRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        return Task.FromResult(new WhoAmIResponse
        {
            Subject = caller.Subject,
            Role = caller.Role,
            Region = caller.Region ?? string.Empty,
            Org = caller.Org ?? string.Empty,
            System = caller.System ?? string.Empty,
            Service = appId,
        });
    }
}
