using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Pilot.Publication.Http;

/// <summary>
/// The one limit on the public's writes: objections per client address per minute, over gRPC and HTTP JSON alike,
/// with ASP.NET Core's rate limiter. The client address is the connection's, or the one a configured proxy forwards.
/// A refused request is refused before it is read, so it stores nothing.
/// </summary>
internal static class ObjectionRateLimit
{
    public const string GrpcPath = "/pilot.publication.v1.Publication/RaiseObjection";

    public static IServiceCollection AddObjectionRateLimit(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<PublicationOptions>>((forwarded, publication) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            foreach (var proxy in publication.Value.TrustedProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });

        services.AddOptions<RateLimiterOptions>().Configure<IOptions<PublicationOptions>>((limiter, publication) =>
        {
            var perMinute = publication.Value.ObjectionsPerMinute;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => IsObjection(context.Request)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true })
                : RateLimitPartition.GetNoLimiter("not limited"));
            limiter.OnRejected = (rejected, _) => RefuseAsync(rejected.HttpContext, rejected.Lease);
        });
        services.AddRateLimiter(_ => { });
        return services;
    }

    public static bool IsObjection(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && (request.Path.Equals(GrpcPath, StringComparison.Ordinal)
            || (request.Path.StartsWithSegments("/v1/publicity", StringComparison.Ordinal) && request.Path.Value!.EndsWith("/objections", StringComparison.Ordinal)));

    private static async ValueTask RefuseAsync(HttpContext context, RateLimitLease lease)
    {
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? (int)Math.Ceiling(wait.TotalSeconds) : 60;
        var message = $"too many objections from this address; try again in {retryAfter} s";
        var response = context.Response;
        response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true)
        {
            // A trailers-only gRPC answer: RESOURCE_EXHAUSTED, which gRPC clients read as "slow down".
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/grpc";
            response.Headers["grpc-status"] = ((int)global::Grpc.Core.StatusCode.ResourceExhausted).ToString(CultureInfo.InvariantCulture);
            response.Headers["grpc-message"] = Uri.EscapeDataString(message);
            return;
        }

        response.StatusCode = StatusCodes.Status429TooManyRequests;
        await response.WriteAsJsonAsync(new { code = (int)global::Grpc.Core.StatusCode.ResourceExhausted, message }).ConfigureAwait(false);
    }
}
