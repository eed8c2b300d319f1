using Microsoft.Data.Sqlite;

namespace WorkforceGraph.MicroBenchmarks;

/// <summary>
/// The SQLite database the micro-benchmarks read: <c>WORKFORCE_BENCH_DB</c>, or the province database the harness
/// (bench/WorkforceGraph.Benchmarks) seeds under <c>$TMPDIR/workforcegraph-bench/</c>. Run the harness once first.
/// </summary>
internal static class BenchDatabasePath
{
    public static string ConnectionString()
    {
        var path = Environment.GetEnvironmentVariable("WORKFORCE_BENCH_DB") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Path.GetTempPath(), "workforcegraph-bench", "workforce-province-20240328-20260101.db");
        return File.Exists(path)
            ? new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly }.ToString()
            : throw new FileNotFoundException($"No bench database at {path}: run `dotnet run -c Release --project bench/WorkforceGraph.Benchmarks -- --scale province` once, or set WORKFORCE_BENCH_DB.", path);
    }
}
