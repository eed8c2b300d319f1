namespace WorkforceGraph.Features.Security;

/// <summary>The roles of contracts.md, each including the rights of the ones before it.</summary>
public enum WorkforceRole
{
    /// <summary>Reads, with personal data masked.</summary>
    Viewer,

    /// <summary>Viewer plus statistics, staffing and assessment quotas.</summary>
    Analyst,

    /// <summary>Analyst plus batch writes and the change feed.</summary>
    Integrator,

    /// <summary>Everything, including the audit trail.</summary>
    Admin,
}

/// <summary>Claim names and values of WorkforceGraph's bearer tokens (contracts.md).</summary>
public static class WorkforceClaims
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string Region = "region";
    public const string Scope = "scope";

    /// <summary>The scope that unmasks ID numbers and phones (every such read is audited).</summary>
    public const string PiiRead = "pii:read";

    /// <summary>The claim value of a role (lower case, as in contracts.md).</summary>
    public static string RoleName(WorkforceRole role) => role switch
    {
        WorkforceRole.Viewer => "viewer",
        WorkforceRole.Analyst => "analyst",
        WorkforceRole.Integrator => "integrator",
        WorkforceRole.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    public static bool TryParseRole(string? text, out WorkforceRole role)
    {
        foreach (var candidate in Enum.GetValues<WorkforceRole>())
        {
            if (string.Equals(RoleName(candidate), text, StringComparison.Ordinal))
            {
                role = candidate;
                return true;
            }
        }

        role = default;
        return false;
    }
}

/// <summary>ASP.NET Core authorization policy names; a field declares one with GraphQL.NET's <c>AuthorizeWithPolicy</c>.</summary>
public static class WorkforcePolicies
{
    /// <summary>analyst, integrator or admin.</summary>
    public const string Analyst = "analyst";

    /// <summary>integrator or admin.</summary>
    public const string Integrator = "integrator";

    /// <summary>admin only.</summary>
    public const string Admin = "admin";

    /// <summary>The roles each policy admits.</summary>
    public static IEnumerable<(string Policy, string[] Roles)> All()
    {
        yield return (Analyst, Names(WorkforceRole.Analyst));
        yield return (Integrator, Names(WorkforceRole.Integrator));
        yield return (Admin, Names(WorkforceRole.Admin));
    }

    private static string[] Names(WorkforceRole minimum) =>
        [.. Enum.GetValues<WorkforceRole>().Where(r => r >= minimum).Select(WorkforceClaims.RoleName)];
}
