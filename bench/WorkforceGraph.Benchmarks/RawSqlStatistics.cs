namespace WorkforceGraph.Benchmarks;

/// <summary>
/// The statistics baseline: the same head counts as <c>workforceStatistics(groupBy: [PREFECTURE, GENDER])</c> by a
/// hand-written GROUP BY through ADO.NET, plus the prefecture names, as the server looks them up.
/// </summary>
internal static class RawSqlStatistics
{
    public const string GraphQL = "{ workforceStatistics(groupBy: [PREFECTURE, GENDER]) { key { value label } count } }";

    public const string Sql = """
        SELECT substr(c.Code, 1, 4) AS Prefecture, w.Gender, COUNT(*)
        FROM Workers AS w
        LEFT JOIN Communities AS c ON c.Id = w.CommunityId
        GROUP BY 1, 2;
        SELECT r.Code, r.Name FROM Regions AS r WHERE r.Level = 'Prefecture';
        """;

    /// <summary>Runs the baseline; returns the total head count (a check against the GraphQL groups).</summary>
    public static long Run(BenchDatabase database)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = PostgresBaselines.StatisticsSql(database.Provider);
        using var reader = command.ExecuteReader();
        long total = 0;
        while (reader.Read())
        {
            total += reader.GetInt64(2);
        }

        reader.NextResult();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            names[reader.GetString(0)] = reader.GetString(1);
        }

        return total;
    }
}
