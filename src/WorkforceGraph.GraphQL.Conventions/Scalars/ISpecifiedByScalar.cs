namespace WorkforceGraph.GraphQL.Conventions.Scalars;

/// <summary>A custom scalar whose SDL declaration carries <c>@specifiedBy(url: …)</c>.</summary>
public interface ISpecifiedByScalar
{
    /// <summary>The URL of the scalar's specification.</summary>
    string SpecifiedByUrl { get; }
}
