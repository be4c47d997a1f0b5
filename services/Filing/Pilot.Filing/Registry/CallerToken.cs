using Grpc.Core;

namespace Pilot.Filing.Registry;

/// <summary>Forwards the incoming call's bearer token, so the Registry applies the caller's own rights.</summary>
internal sealed class CallerToken(IHttpContextAccessor http)
{
    public Metadata Headers()
    {
        var headers = new Metadata();
        var authorization = http.HttpContext?.Request.Headers.Authorization.ToString();
        if (!string.IsNullOrEmpty(authorization))
        {
            headers.Add("Authorization", authorization);
        }

        return headers;
    }
}
