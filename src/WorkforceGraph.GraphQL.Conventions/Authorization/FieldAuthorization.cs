using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQL.Utilities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using WorkforceGraph.GraphQL.Conventions.Errors;

namespace WorkforceGraph.GraphQL.Conventions.Authorization;

/// <summary>
/// HotChocolate's <c>@authorize</c> semantics on GraphQL.NET: a field (or its whole type) declares ASP.NET Core
/// authorization policies with GraphQL.NET's own <c>AuthorizeWithPolicy</c> metadata; when the field resolves, the
/// request's <see cref="IAuthorizationService"/> checks <see cref="IResolveFieldContext.User"/> against each policy,
/// and a refusal is a field error <c>AUTH_NOT_AUTHORIZED</c> (the field is null, the rest of the response stands).
/// Nothing is printed in the SDL.
/// </summary>
public static class FieldAuthorization
{
    /// <summary>HotChocolate's message for a refused field.</summary>
    public const string NotAuthorizedMessage = "The current user is not authorized to access this resource.";

    /// <summary>Enforces the policies declared on the schema's fields and object types.</summary>
    /// <param name="schema">The schema, before it is initialized.</param>
    public static void EnforceFieldPolicies(this ISchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        schema.RegisterVisitor(new PolicyVisitor());
    }

    private sealed class PolicyVisitor : BaseSchemaNodeVisitor
    {
        public override void VisitObjectFieldDefinition(FieldType field, IObjectGraphType type, ISchema schema)
        {
            var policies = (type.GetPolicies() ?? []).Concat(field.GetPolicies() ?? []).Distinct(StringComparer.Ordinal).ToArray();
            if (policies.Length > 0)
            {
                field.Resolver = new AuthorizingResolver(field.Resolver ?? NameFieldResolver.Instance, policies);
            }
        }
    }

    private sealed class AuthorizingResolver(IFieldResolver inner, string[] policies) : IFieldResolver
    {
        public async ValueTask<object?> ResolveAsync(IResolveFieldContext context)
        {
            var services = context.RequestServices ?? throw new InvalidOperationException("ExecutionOptions.RequestServices is not set.");
            var authorization = services.GetRequiredService<IAuthorizationService>();
            var user = context.User ?? new System.Security.Claims.ClaimsPrincipal();
            foreach (var policy in policies)
            {
                var result = await authorization.AuthorizeAsync(user, context.Source, policy).ConfigureAwait(false);
                if (!result.Succeeded)
                {
                    throw new CodedExecutionError(ErrorCodes.NotAuthorized, NotAuthorizedMessage);
                }
            }

            return await inner.ResolveAsync(context).ConfigureAwait(false);
        }
    }
}
