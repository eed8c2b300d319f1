using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using WorkforceGraph.Features.Security;

namespace WorkforceGraph.Api.Security;

/// <summary>Mints bearer tokens with the claims of contracts.md (the <c>token</c> command; tests).</summary>
internal static class TokenIssuer
{
    public static string Issue(AuthSettings settings, Caller caller, TimeSpan lifetime, DateTime? now = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(caller);
        var issuedAt = now ?? DateTime.UtcNow;
        var identity = (ClaimsIdentity)Caller.ToPrincipal(caller, "Bearer").Identity!;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = identity,
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = issuedAt + lifetime,
            SigningCredentials = new SigningCredentials(settings.SecurityKey, SecurityAlgorithms.HmacSha256),
        });
    }
}
