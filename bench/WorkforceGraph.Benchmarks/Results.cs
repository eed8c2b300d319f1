namespace WorkforceGraph.Benchmarks;

/// <summary>One dashboard variant: GraphQL over HTTP against the raw-SQL baseline, or why it was skipped.</summary>
/// <param name="RawSqlHttp">The same hand-written SQL served over HTTP by a minimal endpoint (like-for-like baseline).</param>
/// <param name="SameHttpJson">Whether that endpoint's body equals the GraphQL response's data.</param>
internal sealed record DashboardResult(
    DashboardQuery Query, string? Skipped, Latency? GraphQL, Latency? RawSql, int Rows, bool SameJson, Latency? RawSqlHttp = null, bool SameHttpJson = false)
{
    /// <summary>The acceptance target for p50(GraphQL) / p50(raw SQL).</summary>
    public const double TargetRatio = 1.5;

    /// <summary>Against the in-process SQL (no HTTP at all): the original comparison.</summary>
    public double Ratio => GraphQL is null || RawSql is null || RawSql.P50 <= 0 ? double.NaN : GraphQL.P50 / RawSql.P50;

    /// <summary>Against the same SQL over HTTP: both sides pay a loopback request, so the ratio is what GraphQL costs.</summary>
    public double HttpRatio => GraphQL is null || RawSqlHttp is null || RawSqlHttp.P50 <= 0 ? double.NaN : GraphQL.P50 / RawSqlHttp.P50;

    /// <summary>Against raw SQL plus the <c>{ __typename }</c> floor: how much the query itself costs beyond transport.</summary>
    public double RatioOverFloor(Latency floor) =>
        GraphQL is null || RawSql is null ? double.NaN : GraphQL.P50 / (RawSql.P50 + floor.P50);
}

/// <summary><c>workforceStatistics</c> over HTTP against a hand-written GROUP BY (target of the policy-rules issue: ≤ 1.2×).</summary>
internal sealed record StatisticsResult(Latency GraphQL, Latency RawSql, long Total, bool SameTotal)
{
    public const double TargetRatio = 1.2;

    public double Ratio => RawSql.P50 <= 0 ? double.NaN : GraphQL.P50 / RawSql.P50;
}

/// <summary>A representative query under concurrent load, with the statements it runs per request.</summary>
internal sealed record ThroughputResult(string Name, string GraphQL, Throughput Result, int? SqlStatements, string? FirstFailure);

internal sealed record BenchReport(
    BenchOptions Options,
    MachineInfo Machine,
    BenchDatabase Database,
    IReadOnlyList<(string Table, long Rows)> RowCounts,
    Uri Endpoint,
    bool HasWhere,
    bool HasOrder,
    Latency TransportFloor,
    IReadOnlyList<DashboardResult> Dashboard,
    StatisticsResult? Statistics,
    IReadOnlyList<ThroughputResult> Throughput,
    ImportExportResult? ImportExport = null,
    PersistedResult? Persisted = null)
{
    /// <summary>The filters the dashboards use over HTTP (the scale target).</summary>
    public IReadOnlyList<FilteredPageResult> FilteredPages { get; init; } = [];

    /// <summary>The PostgreSQL server's version and settings; empty on SQLite.</summary>
    public IReadOnlyList<(string Name, string Value)> ServerSettings { get; init; } = [];

    /// <summary>The 1, 5 and 15 minute load averages when the HTTP measurements ended.</summary>
    public string LoadAverage { get; init; } = ReportWriter.LoadAverage();
}
