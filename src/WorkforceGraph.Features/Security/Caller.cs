using System.Security.Claims;
using WorkforceGraph.Data.Regions;

namespace WorkforceGraph.Features.Security;

/// <summary>
/// Who is asking, read once per request from the authenticated principal: the <c>sub</c>, <c>role</c>,
/// <c>region</c> and <c>scope</c> claims of contracts.md. The host turns an anonymous Development call into
/// <see cref="DevelopmentAnonymous"/> and refuses anonymous calls elsewhere before any of this runs.
/// </summary>
public sealed record Caller(string Subject, WorkforceRole Role, RegionScope Region, IReadOnlySet<string> Scopes)
{
    /// <summary>Contracts.md: in Development an anonymous caller acts as analyst, national, PII masked.</summary>
    public static readonly Caller DevelopmentAnonymous =
        new("anonymous", WorkforceRole.Analyst, RegionScope.National, new HashSet<string>(StringComparer.Ordinal));

    /// <summary>May see ID numbers and phones unmasked (each such read is audited).</summary>
    public bool CanReadPii => Scopes.Contains(WorkforceClaims.PiiRead);

    /// <summary>The claims of a principal for <paramref name="caller"/> (what a token carries).</summary>
    public static ClaimsPrincipal ToPrincipal(Caller caller, string? authenticationType)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var claims = new List<Claim>
        {
            new(WorkforceClaims.Subject, caller.Subject),
            new(WorkforceClaims.Role, WorkforceClaims.RoleName(caller.Role)),
            new(WorkforceClaims.Region, caller.Region.ToString()),
        };
        if (caller.Scopes.Count > 0)
        {
            claims.Add(new Claim(WorkforceClaims.Scope, string.Join(' ', caller.Scopes.Order(StringComparer.Ordinal))));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, WorkforceClaims.Subject, WorkforceClaims.Role));
    }

    /// <summary>
    /// Reads the caller from a principal's claims; false (with a reason fit for a log, never a claim value
    /// that could be personal) when a claim is missing or malformed.
    /// </summary>
    public static bool TryFrom(ClaimsPrincipal? principal, out Caller caller, out string? error)
    {
        caller = DevelopmentAnonymous;
        error = null;
        var subject = principal?.FindFirst(WorkforceClaims.Subject)?.Value;
        if (string.IsNullOrWhiteSpace(subject))
        {
            error = "the token has no sub claim";
            return false;
        }

        if (!WorkforceClaims.TryParseRole(principal!.FindFirst(WorkforceClaims.Role)?.Value, out var role))
        {
            error = "the role claim is not viewer, analyst, integrator or admin";
            return false;
        }

        // A missing region claim is refused rather than read as national: scope must be stated.
        var regionClaim = principal.FindFirst(WorkforceClaims.Region);
        if (regionClaim is null)
        {
            error = "the token has no region claim";
            return false;
        }

        if (!RegionScope.TryParse(regionClaim.Value, out var region, out var regionError))
        {
            error = $"the region claim is malformed: {regionError}";
            return false;
        }

        var scopes = principal.FindAll(WorkforceClaims.Scope)
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToHashSet(StringComparer.Ordinal);
        caller = new Caller(subject, role, region, scopes);
        return true;
    }
}
