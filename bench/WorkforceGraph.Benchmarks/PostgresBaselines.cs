namespace WorkforceGraph.Benchmarks;

/// <summary>
/// The hand-written baselines in PostgreSQL's dialect (quoted identifiers, <c>LIKE 'prefix%'</c>, which the "C"
/// collation of every text column lets use a b-tree index), one per SQLite text in <see cref="DashboardQueries"/> and
/// <see cref="RawSqlStatistics"/>: the same rows, the same order. Kept apart so the SQLite texts stay as they are.
/// </summary>
internal static class PostgresBaselines
{
    private const string DashboardSelect = """
        SELECT w."Name", w."Gender", w."BirthDate", w."Status", c."Name", r."Name"
        FROM "Workers" AS w
        LEFT JOIN "Communities" AS c ON c."Id" = w."CommunityId"
        LEFT JOIN "Regions" AS r ON r."Id" = c."RegionId"
        """;

    public const string Statistics = """
        SELECT substr(c."Code", 1, 4) AS "Prefecture", w."Gender", COUNT(*)
        FROM "Workers" AS w
        LEFT JOIN "Communities" AS c ON c."Id" = w."CommunityId"
        GROUP BY 1, 2;
        SELECT r."Code", r."Name" FROM "Regions" AS r WHERE r."Level" = 'Prefecture';
        """;

    /// <summary>The PostgreSQL text of a dashboard variant.</summary>
    public static string Dashboard(DashboardQuery query) => query.Key switch
    {
        "a" => DashboardSelect + "\nORDER BY w.\"Id\"\nLIMIT 50",
        "b" => DashboardSelect + "\nWHERE w.\"Status\" = 'Active' AND c.\"Code\" LIKE '3202%'\nORDER BY w.\"BirthDate\" DESC, w.\"Id\"\nLIMIT 50",
        _ => throw new BenchmarkException($"dashboard variant ({query.Key}) has no PostgreSQL baseline in PostgresBaselines.cs."),
    };

    /// <summary>The baseline text of <paramref name="query"/> for <paramref name="provider"/>.</summary>
    public static string Sql(DashboardQuery query, BenchProvider provider) => provider == BenchProvider.Postgres ? Dashboard(query) : query.Sql;

    /// <summary>The statistics baseline text for <paramref name="provider"/>.</summary>
    public static string StatisticsSql(BenchProvider provider) => provider == BenchProvider.Postgres ? Statistics : RawSqlStatistics.Sql;
}
