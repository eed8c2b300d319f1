using System.Collections.Immutable;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using WorkforceGraph.GraphQL.Conventions.Errors;

namespace WorkforceGraph.GraphQL.Conventions.Limits;

/// <summary>§11: <c>__schema</c> and <c>__type</c> refused with 400 <c>HC0046</c> when the caller may not introspect; <c>__typename</c> always works.</summary>
internal sealed class IntrospectionNotAllowedRule(IntrospectionOptions policy) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        if (policy.Allows(context.User, isDevelopment: false))
        {
            return default;
        }

        foreach (var field in IntrospectionFields.Roots(context))
        {
            context.ReportError(new CodedValidationError(
                ErrorCodes.IntrospectionNotAllowed,
                "Introspection is not allowed for the current request.",
                context.Document.Source,
                field)
                .WithExtension("field", field.Name.StringValue));
            break;
        }

        return default;
    }
}

/// <summary>
/// §11 introspection nesting (HotChocolate's introspection depth rule): at most <c>MaxIntrospectionOfTypeDepth</c>
/// <c>ofType</c> fields and at most <c>MaxIntrospectionListDepth</c> occurrences of each recursive list
/// (<c>fields</c>, <c>inputFields</c>, <c>interfaces</c>, <c>possibleTypes</c>) on one path (400 <c>HC0086</c>).
/// The standard introspection query of the IDEs fits.
/// </summary>
internal sealed class IntrospectionDepthRule(int maxOfTypeDepth, int maxListDepth) : ValidationRuleBase
{
    private static readonly string[] RecursiveLists = ["fields", "inputFields", "interfaces", "possibleTypes"];

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        GraphQLField? offender = null;
        var budget = new VisitBudget();
        foreach (var root in IntrospectionFields.Roots(context))
        {
            Walk(root.SelectionSet, ImmutableHashSet<string>.Empty);
        }

        if (offender is not null)
        {
            context.ReportError(new CodedValidationError(
                ErrorCodes.IntrospectionDepthExceeded,
                "Maximum allowed introspection depth exceeded.",
                context.Document.Source,
                offender));
        }

        return default;

        void Walk(GraphQLSelectionSet? set, ImmutableHashSet<string> fragments)
        {
            // Introspection types are walked by name: the limits do not depend on the schema.
            foreach (var field in Selections.Fields(set, null, context.Document, context.Schema, fragments, budget))
            {
                if (offender is not null || field.Ast.SelectionSet is null)
                {
                    continue;
                }

                var name = field.Name;
                var limit = name == "ofType" ? maxOfTypeDepth : Array.IndexOf(RecursiveLists, name) >= 0 ? maxListDepth : int.MaxValue;
                var occurrences = counts.GetValueOrDefault(name) + 1;
                if (occurrences > limit)
                {
                    offender = field.Ast;
                    return;
                }

                counts[name] = occurrences;
                Walk(field.Ast.SelectionSet, field.FragmentsOnPath);
                counts[name] = occurrences - 1;
            }
        }
    }
}

/// <summary>Finds the introspection entry fields (<c>__schema</c>, <c>__type</c>) of the operation.</summary>
internal static class IntrospectionFields
{
    public static IEnumerable<GraphQLField> Roots(ValidationContext context)
    {
        var budget = new VisitBudget();
        // Introspection entry points live on the query root, possibly inside fragments.
        foreach (var field in Selections.Fields(context.Operation.SelectionSet, Selections.RootType(context.Operation, context.Schema), context.Document, context.Schema, ImmutableHashSet<string>.Empty, budget))
        {
            if (field.Name is "__schema" or "__type")
            {
                yield return field.Ast;
            }
        }
    }
}
