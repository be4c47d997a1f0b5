using System.Security.Claims;
using Grpc.Core;
using Pilot.SharedKernel;

namespace Pilot.ServiceDefaults.Security;

public static class CallerExtensions
{
    /// <summary>The verified caller of a gRPC call, or <see cref="Caller.Anonymous"/> on a public method without a token.</summary>
    public static Caller GetCaller(this ServerCallContext context) => context.GetHttpContext().User.ToCaller();

    public static Caller ToCaller(this ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return Caller.Anonymous;
        }

        var role = user.FindFirstValue(PilotClaims.Role) ?? "public";
        return new Caller(
            Subject: user.FindFirstValue(PilotClaims.Subject) ?? role,
            Role: role,
            Region: user.FindFirstValue(PilotClaims.Region),
            Org: user.FindFirstValue(PilotClaims.Org),
            System: user.FindFirstValue(PilotClaims.System));
    }
}
