using System.Globalization;
using WorkforceGraph.Data.Seeding;

namespace WorkforceGraph.Benchmarks;

/// <summary>Command-line options; every run with the same scale, seed and as-of date uses the same rows.</summary>
internal sealed record BenchOptions
{
    public const string Usage =
        "usage: dotnet run -c Release --project bench/WorkforceGraph.Benchmarks -- --scale demo|province|national\n" +
        "       [--requests N (500)] [--warmup N (100)] [--concurrency N (16)] [--duration seconds (10)]\n" +
        "       [--max-requests N (5000)] [--output docs/benchmarks.md] [--data-dir DIR] [--reseed] [--api-dll PATH]\n" +
        "       [--only import-export]  (runs only that part and replaces only its section of the report)\n" +
        "       [--memory-scale demo|province|national]  (also imports that data set's workers: peak memory against rows)";

    /// <summary>The seed's "today" is fixed so that runs on different days generate the same rows.</summary>
    public static readonly DateOnly AsOf = new(2026, 1, 1);

    public SeedScale Scale { get; init; }

    public int RandomSeed { get; init; } = SeedOptions.DefaultRandomSeed;

    public int Requests { get; init; } = 500;

    public int Warmup { get; init; } = 100;

    public int Concurrency { get; init; } = 16;

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);

    public int MaxRequests { get; init; } = 5000;

    public string? Output { get; init; }

    public string DataDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "workforcegraph-bench");

    public bool Reseed { get; init; }

    public string? ApiAssembly { get; init; }

    /// <summary><c>--only import-export</c>: only the import/export measurement, written into its own section.</summary>
    public bool OnlyImportExport { get; init; }

    /// <summary>
    /// <c>--memory-scale S</c>: the import/export step also exports the workers of data set S and imports them into a
    /// fresh database, to set the peak memory of a larger (or smaller) file beside the main one.
    /// </summary>
    public SeedScale? MemoryScale { get; init; }

    public string ScaleName => Scale.ToString().ToLowerInvariant();

    public static bool TryParse(IReadOnlyList<string> args, out BenchOptions options, out string? error)
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
        error = null;
        return true;
    }

    private static bool IsKnown(string name) =>
        name is "--random-seed" or "--requests" or "--warmup" or "--concurrency" or "--duration" or "--max-requests";

    private static bool TryInt(string text, int min, out int value) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value >= min;
}
