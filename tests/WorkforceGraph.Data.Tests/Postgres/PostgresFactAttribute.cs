namespace WorkforceGraph.Data.Tests.Postgres;

/// <summary>
/// A test that needs a PostgreSQL server: the one named by <c>WORKFORCE_TEST_POSTGRES</c> (a connection string without
/// a database). test.sh starts a throwaway cluster and sets it, so the README's command never skips these; a bare
/// <c>dotnet test</c> without a server skips them with this reason.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public static readonly string? Server = Environment.GetEnvironmentVariable("WORKFORCE_TEST_POSTGRES") is { Length: > 0 } server ? server : null;

    public PostgresFactAttribute()
    {
        if (Server is null)
        {
            Skip = "No PostgreSQL server: set WORKFORCE_TEST_POSTGRES (test.sh starts one).";
        }
    }
}
