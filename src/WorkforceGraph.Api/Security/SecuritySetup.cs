using System.Globalization;
using System.Text.Json;
using System.Threading.RateLimiting;
using GraphQL;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.IdentityModel.Tokens;
using WorkforceGraph.Features.Security;
using WorkforceGraph.GraphQL.Conventions.Errors;
using WorkforceGraph.GraphQL.Conventions.Http;

namespace WorkforceGraph.Api.Security;

/// <summary>
/// Authentication (JWT bearer, contracts.md), the Development allowance for anonymous callers, and the
/// per-caller rate limit. Authorization of fields and region scope live with the schema and the data layer.
/// </summary>
internal static partial class SecuritySetup
{
    public const string RateLimitPolicy = "per-caller";

    /// <summary><c>RateLimiting:RequestsPerMinute</c>: GraphQL requests per caller per minute; 0 turns the limit off.</summary>
    public const int DefaultRequestsPerMinute = 600;

    public static WebApplicationBuilder AddWorkforceSecurity(this WebApplicationBuilder builder)
    {
        var settings = AuthSettings.Read(builder.Configuration, builder.Environment.IsDevelopment());
        builder.Services.AddSingleton(settings);
        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = settings.Issuer,
                    ValidAudience = settings.Audience,
                    IssuerSigningKey = settings.SecurityKey,
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    NameClaimType = WorkforceClaims.Subject,
                    RoleClaimType = WorkforceClaims.Role,
                    ClockSkew = TimeSpan.FromMinutes(1),
                };
                options.Events = new JwtBearerEvents
                {
                    // A signed token whose claims do not make a caller (unknown role, malformed region) is no token.
                    OnTokenValidated = context =>
                    {
                        if (!Caller.TryFrom(context.Principal, out _, out var error))
                        {
                            context.Fail(error ?? "the token does not describe a caller");
                        }

                        return Task.CompletedTask;
                    },
                };
            });

        // The GraphQL endpoint answers 401 itself (a GraphQL error body); nothing else is challenged.
        builder.Services.AddGraphQLRequestConfigurator<AuthenticationRequired>();

        var perMinute = builder.Configuration.GetValue("RateLimiting:RequestsPerMinute", DefaultRequestsPerMinute);
        builder.Services.AddRateLimiter(options =>
        {
            options.AddPolicy(RateLimitPolicy, context => perMinute <= 0
                ? RateLimitPartition.GetNoLimiter("off")
                : RateLimitPartition.GetFixedWindowLimiter(PartitionKey(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = perMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            options.OnRejected = (context, cancellationToken) => WriteRateLimitedAsync(context, cancellationToken);
        });
        return builder;
    }

    /// <summary>Authentication, the Development allowance, then the rate limiter (which partitions by the caller).</summary>
    public static WebApplication UseWorkforceSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        if (app.Environment.IsDevelopment())
        {
            // contracts.md: in Development an anonymous caller (no Authorization header at all) acts as analyst with
            // national scope and masked PII. A request that sent a token which failed validation stays anonymous.
            var anonymous = Caller.ToPrincipal(Caller.DevelopmentAnonymous, authenticationType: null);
            app.Use((context, next) =>
            {
                if (context.User.Identity?.IsAuthenticated != true && !context.Request.Headers.ContainsKey("Authorization"))
                {
                    context.User = anonymous;
                }

                return next(context);
            });
        }

        app.UseRateLimiter();
        return app;
    }

    private static string PartitionKey(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true && context.User.FindFirst(WorkforceClaims.Subject)?.Value is { } subject
            ? "sub:" + subject
            : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    private static async ValueTask WriteRateLimitedAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        response.ContentType = "application/graphql-response+json; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        await JsonSerializer.SerializeAsync(response.Body, new
        {
            errors = new[]
            {
                new { message = "Too many requests; try again later.", extensions = new { code = ErrorCodes.RateLimited } },
            },
        }, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Outside Development every GraphQL call needs a valid bearer token; in Development only a call that sent an
    /// invalid one is refused. 401 with <c>AUTH_NOT_AUTHENTICATED</c> and <c>WWW-Authenticate: Bearer</c>.
    /// </summary>
    private sealed class AuthenticationRequired(IHostEnvironment environment) : IGraphQLRequestConfigurator
    {
        public ValueTask ConfigureAsync(ExecutionOptions options, HttpContext httpContext)
        {
            var user = httpContext.User;
            var allowed = user.Identity?.IsAuthenticated == true
                || (environment.IsDevelopment() && !httpContext.Request.Headers.ContainsKey("Authorization"));
            if (!allowed)
            {
                var sentToken = httpContext.Request.Headers.ContainsKey("Authorization");
                httpContext.Response.Headers.WWWAuthenticate = sentToken ? "Bearer error=\"invalid_token\"" : "Bearer";
                throw new GraphQLRequestRejectedException(StatusCodes.Status401Unauthorized, new CodedExecutionError(
                    ErrorCodes.NotAuthenticated,
                    sentToken ? "The bearer token is invalid or expired." : "This endpoint requires a bearer token."));
            }

            return ValueTask.CompletedTask;
        }

        public ValueTask OnResultAsync(ExecutionResult result, HttpContext httpContext) => ValueTask.CompletedTask;
    }
}
