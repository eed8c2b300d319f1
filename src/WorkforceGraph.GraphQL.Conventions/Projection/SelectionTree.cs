using GraphQL;
using GraphQLParser.AST;

namespace WorkforceGraph.GraphQL.Conventions.Projection;

/// <summary>
/// The fields selected below a field, merged across aliases, inline fragments and fragment spreads, keyed by field
/// name. Projection over-selects rather than under-selects: a fragment on another type adds nothing harmful.
/// </summary>
public sealed class SelectionTree
{
    private readonly Dictionary<string, SelectionTree> _children = new(StringComparer.Ordinal);

    /// <summary>Selected child fields by name.</summary>
    public IReadOnlyDictionary<string, SelectionTree> Children => _children;

    /// <summary>The selection below the field being resolved.</summary>
    public static SelectionTree Of(IResolveFieldContext ctx)
    {
        var tree = new SelectionTree();
        tree.Add(ctx.FieldAst.SelectionSet, ctx.Document);
        return tree;
    }

    /// <summary>The node selection of a connection field: <c>nodes { … }</c> merged with <c>edges { node { … } }</c>.</summary>
    public static SelectionTree OfConnectionNodes(IResolveFieldContext ctx)
    {
        var connection = Of(ctx);
        var nodes = new SelectionTree();
        if (connection._children.TryGetValue("nodes", out var direct))
        {
            nodes.Merge(direct);
        }

        if (connection._children.TryGetValue("edges", out var edges) && edges._children.TryGetValue("node", out var node))
        {
            nodes.Merge(node);
        }

        return nodes;
    }

    /// <summary>A stable text of the tree (batch loaders for different selections must not share rows).</summary>
    public string Signature() =>
        _children.Count == 0 ? "" : "{" + string.Join(",", _children.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Key + c.Value.Signature())) + "}";

    private void Add(GraphQLSelectionSet? set, GraphQLDocument document)
    {
        foreach (var selection in set?.Selections ?? [])
        {
            switch (selection)
            {
                case GraphQLField field:
                    var name = field.Name.StringValue;
                    if (!_children.TryGetValue(name, out var child))
                    {
                        child = new SelectionTree();
                        _children.Add(name, child);
                    }

                    child.Add(field.SelectionSet, document);
                    break;
                case GraphQLInlineFragment inline:
                    Add(inline.SelectionSet, document);
                    break;
                case GraphQLFragmentSpread spread:
                    var definition = document.Definitions.OfType<GraphQLFragmentDefinition>()
                        .FirstOrDefault(d => d.FragmentName.Name.StringValue == spread.FragmentName.Name.StringValue);
                    Add(definition?.SelectionSet, document);
                    break;
            }
        }
    }

    private void Merge(SelectionTree other)
    {
        foreach (var (name, child) in other._children)
        {
            if (!_children.TryGetValue(name, out var mine))
            {
                mine = new SelectionTree();
                _children.Add(name, mine);
            }

            mine.Merge(child);
        }
    }
}
