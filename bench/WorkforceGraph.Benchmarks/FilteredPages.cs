namespace WorkforceGraph.Benchmarks;

/// <summary>A dashboard filter measured over HTTP for the scale target (issue 8: p50 &lt; 50 ms at ≥ 1M workers on PostgreSQL).</summary>
internal sealed record FilteredPage(string Title, string GraphQL);

/// <summary>The filters the dashboards use, each a 50-row page of the dashboard selection with its total count.</summary>
internal static class FilteredPages
{
    /// <summary>The scale target of the issue, for PostgreSQL at ≥ 1M workers.</summary>
    public const double TargetP50Ms = 50;

    private const string Selection = "totalCount nodes { name gender birthDate status community { name region { name } } }";

    public static IReadOnlyList<FilteredPage> All { get; } =
    [
        new("active in prefecture 3202…, birthDate DESC",
            "{ workers(first: 50, where: { status: { eq: ACTIVE }, community: { code: { startsWith: \"3202\" } } }, order: [{ birthDate: DESC }]) { " + Selection + " } }"),
        new("county 320102… (region prefix), name ASC",
            "{ workers(first: 50, where: { community: { code: { startsWith: \"320102\" } } }, order: [{ name: ASC }]) { " + Selection + " } }"),
        new("status PROBATION, birthDate ASC",
            "{ workers(first: 50, where: { status: { eq: PROBATION } }, order: [{ birthDate: ASC }]) { " + Selection + " } }"),
        new("name startsWith 王 in province 32…",
            "{ workers(first: 50, where: { name: { startsWith: \"王\" }, community: { code: { startsWith: \"32\" } } }, order: [{ name: ASC }]) { " + Selection + " } }"),
        new("name contains 明, status ACTIVE",
            "{ workers(first: 50, where: { name: { contains: \"明\" }, status: { eq: ACTIVE } }) { " + Selection + " } }"),
    ];
}

/// <summary>One filtered page: sequential latency over HTTP, rows, total count and SQL statements per request.</summary>
internal sealed record FilteredPageResult(FilteredPage Page, Latency Latency, int Rows, long TotalCount, int? SqlStatements);
