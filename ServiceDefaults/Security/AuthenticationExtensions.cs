using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;
using Pilot.SharedKernel;

namespace Pilot.ServiceDefaults.Security;

public static class AuthenticationExtensions
{
    /// <summary>
    /// JWT bearer on every endpoint. The fallback policy demands an authenticated caller with a known
    /// role, so an endpoint is public only when it says <c>[AllowAnonymous]</c> itself.
    /// </summary>
    public static TBuilder AddPilotAuthentication<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        var options = builder.Configuration.GetSection(PilotAuthOptions.SectionName).Get<PilotAuthOptions>() ?? new PilotAuthOptions();
        var key = options.ResolveSigningKey();
        if (string.IsNullOrWhiteSpace(options.Authority) && key is null)
        {
            throw new InvalidOperationException(
                "No token authority is configured: set Pilot__Auth__Authority (OIDC) or Pilot__Auth__SigningKey / Pilot__Auth__SigningKeyFile (local key; the AppHost sets it).");
        }

        builder.Services.AddSingleton(options);
        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(jwt =>
            {
                jwt.MapInboundClaims = false;
                jwt.Audience = options.Audience;
                if (!string.IsNullOrWhiteSpace(options.Authority))
                {
                    jwt.Authority = options.Authority;
                }

                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = string.IsNullOrWhiteSpace(options.Authority) ? options.Issuer : null,
                    ValidateIssuer = true,
                    ValidAudience = options.Audience,
                    IssuerSigningKey = key is null ? null : new SymmetricSecurityKey(key),
                    NameClaimType = PilotClaims.Subject,
                    RoleClaimType = PilotClaims.Role,
                    ClockSkew = TimeSpan.FromMinutes(1),
                };
                jwt.Events = new JwtBearerEvents
                {
                    OnTokenValidated = context =>
                    {
                        if (context.Principal is { } user && TokenClaims.Problem(user) is { } problem)
                        {
                            context.Fail(new TokenClaimsInvalidException(problem));
                        }

                        return Task.CompletedTask;
                    },
                    OnChallenge = async context =>
                    {
                        if (!GrpcAuthenticationRefusal.IsGrpc(context.Request))
                        {
                            return;
                        }

                        context.HandleResponse();
                        var (reason, message) = GrpcAuthenticationRefusal.Describe(context.AuthenticateFailure, context.Request.Headers.Authorization.Count > 0);
                        await GrpcAuthenticationRefusal.WriteAsync(context.Response, global::Grpc.Core.StatusCode.Unauthenticated, reason, message);
                    },
                    OnForbidden = async context =>
                    {
                        if (GrpcAuthenticationRefusal.IsGrpc(context.Request))
                        {
                            await GrpcAuthenticationRefusal.WriteAsync(
                                context.Response, global::Grpc.Core.StatusCode.PermissionDenied, "ROLE_UNKNOWN",
                                $"the bearer token names no role Pilot knows (claim '{PilotClaims.Role}': {string.Join(", ", Roles.All)})");
                        }
                    },
                };
            });

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .RequireClaim(PilotClaims.Role, Roles.All)
                .Build());

        return builder;
    }
}
