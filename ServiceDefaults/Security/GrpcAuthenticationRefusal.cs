using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using ErrorInfo = Google.Rpc.ErrorInfo;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;
using Pilot.ServiceDefaults.Grpc;

namespace Pilot.ServiceDefaults.Security;

/// <summary>
/// A refused token answered in gRPC's own terms: <c>UNAUTHENTICATED</c> (or <c>PERMISSION_DENIED</c> for a token with
/// no role Pilot knows) in a trailers-only response, with a message and an <c>ErrorInfo</c> reason a client can act on,
/// instead of a bare HTTP 401 that a gRPC client reports as "Received HTTP status code 401".
/// </summary>
internal static class GrpcAuthenticationRefusal
{
    public static bool IsGrpc(HttpRequest request) =>
        request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The reason and the sentence for a token that did not authenticate.</summary>
    public static (string Reason, string Message) Describe(Exception? failure, bool hasAuthorizationHeader) => failure switch
    {
        null when !hasAuthorizationHeader => ("TOKEN_MISSING", "this call needs a bearer token: send 'authorization: Bearer <token>' (./pilot token mints one locally)"),
        null => ("TOKEN_MALFORMED", "the authorization header is not 'Bearer <token>'"),
        SecurityTokenExpiredException => ("TOKEN_EXPIRED", "the bearer token has expired: get a new one"),
        SecurityTokenNotYetValidException => ("TOKEN_NOT_YET_VALID", "the bearer token is not valid yet: check the issuer's clock"),
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException =>
            ("TOKEN_SIGNATURE_INVALID", "the bearer token's signature does not verify: it was not issued with this deployment's key"),
        SecurityTokenInvalidAudienceException => ("TOKEN_AUDIENCE_INVALID", "the bearer token is for another audience than Pilot's"),
        TokenClaimsInvalidException claims => ("TOKEN_CLAIMS_INVALID", claims.Message),
        SecurityTokenInvalidIssuerException => ("TOKEN_ISSUER_INVALID", "the bearer token comes from an issuer this deployment does not trust"),
        _ => ("TOKEN_INVALID", "the bearer token cannot be read or validated"),
    };

    public static Task WriteAsync(HttpResponse response, global::Grpc.Core.StatusCode code, string reason, string message)
    {
        var status = new Google.Rpc.Status { Code = (int)code, Message = message };
        status.Details.Add(Any.Pack(new ErrorInfo { Domain = DomainErrorMapper.ErrorDomain, Reason = reason }));
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = Uri.EscapeDataString(message);
        response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(status.ToByteArray()).TrimEnd('=');
        return response.CompleteAsync();
    }
}
