using GraphQL.Types;

namespace WorkforceGraph.Features.Common;

/// <summary>A feature's root query fields; the root <c>Query</c> is only the list of these.</summary>
public interface IQueryFields
{
    /// <summary>Adds the feature's fields to the root query type.</summary>
    void AddTo(ObjectGraphType<object> query);
}
