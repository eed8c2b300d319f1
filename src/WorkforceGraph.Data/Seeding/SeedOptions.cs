using System.Diagnostics.CodeAnalysis;

namespace WorkforceGraph.Data.Seeding;

/// <summary>How much data the generator lays out (contracts: <c>seed --scale</c>, <c>Seed:Scale</c>).</summary>
public enum SeedScale
{
    /// <summary>江苏省 (32), three prefectures: ≥ 300 communities, ≥ 5,000 workers; seeded on first start.</summary>
    Demo,

    /// <summary>All thirteen prefectures of 江苏省: ≥ 100,000 workers.</summary>
    Province,

    /// <summary>Eight real provinces: ≥ 1,000,000 workers.</summary>
    National,
}

/// <summary>What to generate. The same scale, seed and as-of date give the same rows, byte for byte.</summary>
public sealed record SeedOptions
{
    /// <summary>The policy's date (2024-03-28), the documented default seed.</summary>
    public const int DefaultRandomSeed = 20240328;

    public SeedScale Scale { get; init; } = SeedScale.Demo;

    public int RandomSeed { get; init; } = DefaultRandomSeed;

    /// <summary>"Today" for the generated data: every date is laid out relative to it.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>Clear a non-empty database first instead of refusing.</summary>
    public bool Force { get; init; }

    /// <summary>
    /// Reads the <c>Seed:Scale</c> setting for first start: unset means <see cref="SeedScale.Demo"/>, <c>none</c>
    /// means no seeding (<paramref name="scale"/> null). False for an unknown value.
    /// </summary>
    public static bool TryParseScaleSetting(string? setting, out SeedScale? scale)
    {
        scale = null;
        if (string.IsNullOrWhiteSpace(setting))
        {
            scale = SeedScale.Demo;
            return true;
        }

        if (string.Equals(setting.Trim(), "none", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (TryParseScale(setting.Trim(), out var parsed))
        {
            scale = parsed;
            return true;
        }

        return false;
    }

    /// <summary>Parses a scale name as used on the command line and in <c>Seed:Scale</c> (case-insensitive).</summary>
    public static bool TryParseScale([NotNullWhen(true)] string? text, out SeedScale scale)
    {
        scale = default;
        // Names only: Enum.TryParse would also take numbers and comma-separated lists.
        return text is { Length: > 0 }
            && text.All(char.IsAsciiLetter)
            && Enum.TryParse(text, ignoreCase: true, out scale)
            && Enum.IsDefined(scale);
    }
}

/// <summary>Progress of a seeding run, reported after each county.</summary>
public readonly record struct SeedProgress(int CountiesDone, int CountiesTotal, long RowsWritten, TimeSpan Elapsed)
{
    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? RowsWritten / Elapsed.TotalSeconds : 0;
}

/// <summary>Rows written to one table.</summary>
public sealed record SeedTableCount(string Table, long Rows);

/// <summary>What a seeding run wrote and how long it took.</summary>
public sealed record SeedResult(IReadOnlyList<SeedTableCount> Tables, TimeSpan Elapsed)
{
    public long TotalRows => Tables.Sum(t => t.Rows);

    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? TotalRows / Elapsed.TotalSeconds : 0;
}
