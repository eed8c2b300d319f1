using System.Security.Claims;

namespace WorkforceGraph.GraphQL.Conventions.Limits;

/// <summary>Who may introspect (<c>GraphQL:Introspection</c>, graphql-conventions.md §11).</summary>
public enum IntrospectionPolicy
{
    /// <summary>Every caller.</summary>
    Enabled,

    /// <summary>Authenticated callers only (the default).</summary>
    Authenticated,

    /// <summary>Nobody; <c>__typename</c> still works.</summary>
    Disabled,
}

/// <summary>The introspection setting; Development always allows introspection.</summary>
public sealed class IntrospectionOptions
{
    /// <summary>The configuration key the policy is read from.</summary>
    public const string ConfigurationKey = "GraphQL:Introspection";

    /// <summary>The policy outside Development.</summary>
    public IntrospectionPolicy Policy { get; set; } = IntrospectionPolicy.Authenticated;

    /// <summary>Whether <paramref name="user"/> may introspect (<c>__schema</c>, <c>__type</c>, the SDL endpoints).</summary>
    /// <param name="user">The caller.</param>
    /// <param name="isDevelopment">Development always allows it.</param>
    public bool Allows(ClaimsPrincipal? user, bool isDevelopment) =>
        isDevelopment || Policy switch
        {
            IntrospectionPolicy.Enabled => true,
            IntrospectionPolicy.Authenticated => user?.Identity?.IsAuthenticated == true,
            _ => false,
        };
}
