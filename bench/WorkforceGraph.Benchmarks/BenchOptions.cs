using System.Globalization;
using WorkforceGraph.Data.Seeding;

namespace WorkforceGraph.Benchmarks;

/// <summary>The database the API and the hand-written baselines run on.</summary>
internal enum BenchProvider
{
    /// <summary>A SQLite file under the data directory (the default).</summary>
    Sqlite,

    /// <summary>A database per data set on the PostgreSQL server of <see cref="BenchOptions.PostgresConnectionString"/>.</summary>
    Postgres,
}

/// <summary>Command-line options; every run with the same scale, seed and as-of date uses the same rows.</summary>
internal sealed record BenchOptions
{
    public const string Usage =
        "usage: dotnet run -c Release --project bench/WorkforceGraph.Benchmarks -- --scale demo|province|national\n" +
        "       [--requests N (500)] [--warmup N (100)] [--dashboard-warmup N (2000)] [--concurrency N (16)] [--duration seconds (10)]\n" +
        "       [--max-requests N (5000)] [--output docs/benchmarks.md] [--data-dir DIR] [--reseed] [--api-dll PATH]\n" +
        "       [--only import-export]  (runs only that part and replaces only its section of the report)\n" +
        "       [--skip import-export]  (everything else; for scales where the validated import takes hours)\n" +
        "       [--provider sqlite|postgres (sqlite)] [--postgres \"Host=…;Port=…;Username=…\" (or $" + PostgresVariable + ")]\n" +
        "       [--memory-scale demo|province|national]  (also imports that data set's workers: peak memory against rows)";

    /// <summary>The environment variable read when <c>--provider postgres</c> comes without <c>--postgres</c>.</summary>
    public const string PostgresVariable = "WORKFORCE_BENCH_POSTGRES";

    /// <summary>The seed's "today" is fixed so that runs on different days generate the same rows.</summary>
    public static readonly DateOnly AsOf = new(2026, 1, 1);

    public SeedScale Scale { get; init; }

    public int RandomSeed { get; init; } = SeedOptions.DefaultRandomSeed;

    public int Requests { get; init; } = 500;

    public int Warmup { get; init; } = 100;

    /// <summary>
    /// Warm-up rounds before the dashboard comparison: the API's request path is still being recompiled by the JIT
    /// (tiered compilation) for its first one to two thousand requests, several times slower than in steady state.
    /// </summary>
    public int DashboardWarmup { get; init; } = 2000;

    public int Concurrency { get; init; } = 16;

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);

    public int MaxRequests { get; init; } = 5000;

    public string? Output { get; init; }

    public string DataDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "workforcegraph-bench");

    public bool Reseed { get; init; }

    public string? ApiAssembly { get; init; }

    /// <summary><c>--only import-export</c>: only the import/export measurement, written into its own section.</summary>
    public bool OnlyImportExport { get; init; }

    /// <summary><c>--skip import-export</c>: every other measurement; the report keeps no import/export section.</summary>
    public bool SkipImportExport { get; init; }

    public BenchProvider Provider { get; init; } = BenchProvider.Sqlite;

    /// <summary>
    /// The PostgreSQL server (<c>--postgres</c> or <see cref="PostgresVariable"/>); the harness creates one database per data
    /// set on it, so the role must be allowed to create databases. Its <c>Database</c>, if any, is only used to connect.
    /// </summary>
    public string? PostgresConnectionString { get; init; }

    public string ProviderName => Provider == BenchProvider.Postgres ? "postgres" : "sqlite";

    /// <summary>
    /// <c>--memory-scale S</c>: the import/export step also exports the workers of data set S and imports them into a
    /// fresh database, to set the peak memory of a larger (or smaller) file beside the main one.
    /// </summary>
    public SeedScale? MemoryScale { get; init; }

    public string ScaleName => Scale.ToString().ToLowerInvariant();

    public static bool TryParse(IReadOnlyList<string> args, out BenchOptions options, out string? error) =>
        TryParse(args, Environment.GetEnvironmentVariable(PostgresVariable), out options, out error);

    /// <summary>Parses <paramref name="args"/>; <paramref name="postgresVariable"/> is the value of <see cref="PostgresVariable"/>.</summary>
    public static bool TryParse(IReadOnlyList<string> args, string? postgresVariable, out BenchOptions options, out string? error)
    {
        options = new BenchOptions();
        SeedScale? scale = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--reseed")
            {
                options = options with { Reseed = true };
                continue;
            }

            if (i + 1 >= args.Count)
            {
                error = $"{name} needs a value.";
                return false;
            }

            var value = args[++i];
            switch (name)
            {
                case "--scale" when SeedOptions.TryParseScale(value, out var parsed):
                    scale = parsed;
                    break;
                case "--scale":
                    error = $"--scale must be demo, province or national, not '{value}'.";
                    return false;
                case "--random-seed" when TryInt(value, 0, out var seed):
                    options = options with { RandomSeed = seed };
                    break;
                case "--requests" when TryInt(value, 1, out var n):
                    options = options with { Requests = n };
                    break;
                case "--warmup" when TryInt(value, 0, out var n):
                    options = options with { Warmup = n };
                    break;
                case "--dashboard-warmup" when TryInt(value, 0, out var n):
                    options = options with { DashboardWarmup = n };
                    break;
                case "--concurrency" when TryInt(value, 1, out var n):
                    options = options with { Concurrency = n };
                    break;
                case "--duration" when TryInt(value, 1, out var n):
                    options = options with { Duration = TimeSpan.FromSeconds(n) };
                    break;
                case "--max-requests" when TryInt(value, 1, out var n):
                    options = options with { MaxRequests = n };
                    break;
                case "--output":
                    options = options with { Output = value };
                    break;
                case "--data-dir":
                    options = options with { DataDirectory = Path.GetFullPath(value) };
                    break;
                case "--memory-scale" when SeedOptions.TryParseScale(value, out var memoryScale):
                    options = options with { MemoryScale = memoryScale };
                    break;
                case "--memory-scale":
                    error = $"--memory-scale must be demo, province or national, not '{value}'.";
                    return false;
                case "--only" when value == "import-export":
                    options = options with { OnlyImportExport = true };
                    break;
                case "--only":
                    error = $"--only takes import-export, not '{value}'.";
                    return false;
                case "--skip" when value == "import-export":
                    options = options with { SkipImportExport = true };
                    break;
                case "--skip":
                    error = $"--skip takes import-export, not '{value}'.";
                    return false;
                case "--provider" when value is "sqlite" or "postgres":
                    options = options with { Provider = value == "postgres" ? BenchProvider.Postgres : BenchProvider.Sqlite };
                    break;
                case "--provider":
                    error = $"--provider must be sqlite or postgres, not '{value}'.";
                    return false;
                case "--postgres" when !string.IsNullOrWhiteSpace(value):
                    options = options with { PostgresConnectionString = value };
                    break;
                case "--postgres":
                    error = "--postgres needs a connection string (Host=…;Port=…;Username=…).";
                    return false;
                case "--api-dll":
                    options = options with { ApiAssembly = Path.GetFullPath(value) };
                    break;
                default:
                    error = name.StartsWith("--", StringComparison.Ordinal) && IsKnown(name)
                        ? $"{name} takes a positive integer, not '{value}'."
                        : $"unknown argument '{name}'.";
                    return false;
            }
        }

        if (scale is null)
        {
            error = "--scale is required.";
            return false;
        }

        options = options with { Scale = scale.Value };
        if (options.OnlyImportExport && options.SkipImportExport)
        {
            error = "--only import-export and --skip import-export exclude each other.";
            return false;
        }

        if (options.Provider == BenchProvider.Postgres)
        {
            var connection = options.PostgresConnectionString ?? (string.IsNullOrWhiteSpace(postgresVariable) ? null : postgresVariable);
            if (connection is null)
            {
                error = $"--provider postgres needs --postgres \"<connection string>\" or ${PostgresVariable}.";
                return false;
            }

            try
            {
                _ = new Npgsql.NpgsqlConnectionStringBuilder(connection);
            }
            catch (ArgumentException e)
            {
                error = $"--postgres is not a valid connection string: {e.Message}";
                return false;
            }

            options = options with { PostgresConnectionString = connection };
        }
        else if (options.PostgresConnectionString is not null)
        {
            error = "--postgres needs --provider postgres.";
            return false;
        }

        error = null;
        return true;
    }

    private static bool IsKnown(string name) =>
        name is "--random-seed" or "--requests" or "--warmup" or "--dashboard-warmup" or "--concurrency" or "--duration" or "--max-requests";

    private static bool TryInt(string text, int min, out int value) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value >= min;
}
