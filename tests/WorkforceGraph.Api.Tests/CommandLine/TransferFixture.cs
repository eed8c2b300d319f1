using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace WorkforceGraph.Api.Tests.CommandLine;

/// <summary>
/// The demo data set seeded once into a source database and every entity exported (NDJSON); "fresh" databases are
/// copies of it with the workers and everything that hangs off them (posts, training records, assessments, change log)
/// removed, so that the regions and communities workers refer to are there.
/// </summary>
public sealed class TransferFixture : IAsyncLifetime
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), $"wg-transfer-{Guid.NewGuid():N}");

    public string SourceDatabase => Path.Combine(Directory, "source.db");

    public string EmptyDatabase => Path.Combine(Directory, "empty.db");

    /// <summary>The canonical export of the source's workers (NDJSON, ordered by id).</summary>
    public string SourceNdjson => Path.Combine(Directory, "workers.ndjson");

    public string SourceCsv => Path.Combine(Directory, "workers.csv");

    public long SourceWorkers { get; private set; }

    /// <summary>Every entity of <c>import</c>/<c>export</c>, in the order a fresh database is filled.</summary>
    public static readonly string[] Entities = ["regions", "gradeSchemes", "communities", "workers", "trainings", "posts", "trainingRecords", "assessments"];

    /// <summary>The canonical export of one entity of the source (NDJSON, in export order).</summary>
    public string SourceExport(string entity) => entity == "workers" ? SourceNdjson : Path.Combine(Directory, $"{entity}.ndjson");

    public async Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(Directory);
        await RunOkAsync(SourceDatabase, "seed", "--scale", "demo", "--as-of", "2026-01-01");
        await RunOkAsync(SourceDatabase, "export", "--entity", "workers", "--format", "ndjson", "--output", SourceNdjson);
        await RunOkAsync(SourceDatabase, "export", "--entity", "workers", "--format", "csv", "--output", SourceCsv);
        foreach (var entity in Entities.Where(e => e != "workers"))
        {
            await RunOkAsync(SourceDatabase, "export", "--entity", entity, "--format", "ndjson", "--output", SourceExport(entity));
        }

        SourceWorkers = Scalar(SourceDatabase, "SELECT COUNT(*) FROM Workers");
        Copy(SourceDatabase, EmptyDatabase);
        Execute(EmptyDatabase, "DELETE FROM Assessments; DELETE FROM TrainingRecords; DELETE FROM Posts; DELETE FROM Workers; DELETE FROM ChangeLog;");
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>A fresh database (regions and communities, no workers) for one test.</summary>
    public string FreshDatabase()
    {
        var path = Path.Combine(Directory, $"fresh-{Guid.NewGuid():N}.db");
        Copy(EmptyDatabase, path);
        return path;
    }

    /// <summary>A copy of the source database after <paramref name="sql"/> (e.g. deleting the rows a test imports).</summary>
    public string CopyOfSource(string sql)
    {
        var path = Path.Combine(Directory, $"copy-{Guid.NewGuid():N}.db");
        Copy(SourceDatabase, path);
        Execute(path, sql);
        return path;
    }

    public string TempFile(string extension) => Path.Combine(Directory, $"{Guid.NewGuid():N}{extension}");

    /// <summary>Runs a command of the built executable against <paramref name="database"/>.</summary>
    public static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string database, params string[] args) =>
        CommandLineTests.RunWithEnvironmentAsync(Environment(database), args);

    public static async Task<string> RunOkAsync(string database, params string[] args)
    {
        var (exitCode, stdout, stderr) = await RunAsync(database, args);
        Assert.True(exitCode == 0, $"{string.Join(' ', args)} exited with {exitCode}: {stderr}\n{stdout}");
        return stdout;
    }

    /// <summary>Starts a command without waiting (the crash test kills it).</summary>
    public static Process Start(string database, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        foreach (var (name, value) in Environment(database))
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "WorkforceGraph.Api.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    public static long Scalar(string database, string sql)
    {
        using var connection = Open(database);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string? ScalarText(string database, string sql)
    {
        using var connection = Open(database);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar() as string;
    }

    public static void Execute(string database, string sql)
    {
        using var connection = Open(database);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static string Sha256(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    private static Dictionary<string, string> Environment(string database) => new()
    {
        ["ConnectionStrings__Workforce"] = $"Data Source={database}",
        ["Seed__Scale"] = "none",
    };

    private static SqliteConnection Open(string database)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false, DefaultTimeout = 30 }.ToString());
        connection.Open();
        return connection;
    }

    // Through SQLite's backup, so that a write-ahead log the writer left behind is part of the copy.
    private static void Copy(string from, string to)
    {
        using var source = Open(from);
        using var target = Open(to);
        source.BackupDatabase(target);
    }
}
