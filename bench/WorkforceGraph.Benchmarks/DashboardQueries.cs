namespace WorkforceGraph.Benchmarks;

/// <summary>
/// A dashboard page as GraphQL text and as the hand-written SQL that returns the same rows, kept side by side so
/// that a change to one is made to the other. The SQL selects, in order: worker name, gender, birth date, status,
/// community name, region name (the community is nullable, hence the LEFT JOINs).
/// </summary>
internal sealed record DashboardQuery(string Key, string Title, string GraphQL, string Sql, bool NeedsWhereAndOrder);

internal static class DashboardQueries
{
    private const string Selection = "nodes { name gender birthDate status community { name region { name } } }";

    private const string SqlSelect = """
        SELECT w.Name, w.Gender, w.BirthDate, w.Status, c.Name, r.Name
        FROM Workers AS w
        LEFT JOIN Communities AS c ON c.Id = w.CommunityId
        LEFT JOIN Regions AS r ON r.Id = c.RegionId
        """;

    /// <summary>(a) Today's schema: the first 50 workers in key order.</summary>
    public static readonly DashboardQuery Today = new(
        "a",
        "(a) workers(first: 50), key order",
        "{ workers(first: 50) { " + Selection + " } }",
        SqlSelect + "\nORDER BY w.Id\nLIMIT 50",
        NeedsWhereAndOrder: false);

    /// <summary>
    /// (b) The target of the query-conventions issue: a filter through a to-one relation and a sort, with the primary
    /// key as the final tiebreak (graphql-conventions.md, "Sorting"). <c>startsWith</c> is a prefix match on codes.
    /// </summary>
    public static readonly DashboardQuery Target = new(
        "b",
        "(b) active workers of 3202…, oldest birth date last",
        "{ workers(first: 50, where: { status: { eq: ACTIVE }, community: { code: { startsWith: \"3202\" } } }, "
            + "order: [{ birthDate: DESC }]) { " + Selection + " } }",
        // The best hand-written form: a code range uses the index on Communities.Code (SQLite's LIKE cannot, it
        // is case-insensitive), as the server's startsWith does.
        SqlSelect + "\nWHERE w.Status = 'Active' AND c.Code >= '3202' AND c.Code < '3203'\nORDER BY w.BirthDate DESC, w.Id\nLIMIT 50",
        NeedsWhereAndOrder: true);

    public static IReadOnlyList<DashboardQuery> All { get; } = [Today, Target];
}
