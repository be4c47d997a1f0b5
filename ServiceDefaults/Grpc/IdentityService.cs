using Grpc.Core;
using Microsoft.Extensions.Hosting;
using Pilot.Protos.Identity;
using Pilot.ServiceDefaults.Security;

namespace Pilot.ServiceDefaults.Grpc;

internal sealed class IdentityService(IHostEnvironment environment) : Identity.IdentityBase
{
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
            Service = environment.ApplicationName,
        });
    }
}
