using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace WorkforceGraph.Benchmarks;

/// <summary>One command-line run: rows, the command's own rows/s and elapsed time, and the process's peak resident memory.</summary>
internal sealed record CommandRun(string Name, long Rows, double Seconds, double RowsPerSecond, long PeakBytes);

internal sealed record ImportExportResult(CommandRun ExportNdjson, CommandRun ExportCsv, CommandRun ImportQuarter, CommandRun Import, CommandRun ImportAgain, CommandRun Baseline, bool SameChecksum)
{
    /// <summary>SQLite: the baseline that also appends each row's change-log entry, as the import must (null on PostgreSQL).</summary>
    public CommandRun? BaselineWithLog { get; init; }

    /// <summary><c>--memory-scale</c>: the export and import of another data set's workers, and its name.</summary>
    public (string Scale, long TotalRows, CommandRun Export, CommandRun Import)? MemoryScale { get; init; }

    /// <summary>The issue's target: validated rows per second into SQLite.</summary>
    public const double TargetRowsPerSecond = 50_000;

    public double Ratio => Baseline.RowsPerSecond <= 0 ? double.NaN : Import.RowsPerSecond / Baseline.RowsPerSecond;
}

/// <summary>
/// <c>export</c> and <c>import --entity workers</c> of the data set through the API executable, as an operator runs
/// them: export (NDJSON, CSV), import into a fresh database (the bench database without workers and what hangs off
/// them), a quarter of the file into another one (peak memory must not grow with the file), the whole file again
/// (all unchanged), and a baseline of the same rows inserted with a prepared ADO.NET statement in transactions of the
/// same size, without validation or change log.
/// </summary>
internal static partial class ImportExportBench
{
    private const int BatchSize = 1000;

    public static async Task<ImportExportResult> RunAsync(string apiAssembly, BenchDatabase database, string workDirectory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(workDirectory);
        var ndjson = Path.Combine(workDirectory, "workers.ndjson");
        var csv = Path.Combine(workDirectory, "workers.csv");
        var reexport = Path.Combine(workDirectory, "workers-again.ndjson");
        var quarterFile = Path.Combine(workDirectory, "workers-quarter.ndjson");
        try
        {
            Console.WriteLine("import/export: export workers (ndjson, csv) ...");
            var exportNdjson = await RunAsync(apiAssembly, database, database.ApiConnectionString, "export ndjson", cancellationToken, "export", "--entity", "workers", "--format", "ndjson", "--output", ndjson);
            var exportCsv = await RunAsync(apiAssembly, database, database.ApiConnectionString, "export csv", cancellationToken, "export", "--entity", "workers", "--format", "csv", "--output", csv);
            var lines = File.ReadLines(ndjson).Count();
            await File.WriteAllLinesAsync(quarterFile, File.ReadLines(ndjson).Take(lines / 4), cancellationToken);

            var fresh = await FreshCopyAsync(database, workDirectory, "fresh", cancellationToken);
            // PostgreSQL copies the other two from the emptied one (a template must have no connections).
            var quarterDb = await FreshCopyAsync(database, workDirectory, "quarter", cancellationToken);
            var baselineDb = await FreshCopyAsync(database, workDirectory, "baseline", cancellationToken);
            Console.WriteLine($"import/export: import {lines:N0} workers ...");
            var import = await RunAsync(apiAssembly, database, fresh, "import", cancellationToken, "import", "--entity", "workers", "--input", ndjson);
            var again = await RunAsync(apiAssembly, database, fresh, "import again (all unchanged)", cancellationToken, "import", "--entity", "workers", "--input", ndjson);
            await RunAsync(apiAssembly, database, fresh, "re-export", cancellationToken, "export", "--entity", "workers", "--format", "ndjson", "--output", reexport);
            var first = await File.ReadAllBytesAsync(ndjson, cancellationToken);
            var second = await File.ReadAllBytesAsync(reexport, cancellationToken);
            var same = first.AsSpan().SequenceEqual(second);

            Console.WriteLine($"import/export: import {lines / 4:N0} workers (memory at a quarter of the file) ...");
            var quarter = await RunAsync(apiAssembly, database, quarterDb, "import (quarter)", cancellationToken, "import", "--entity", "workers", "--input", quarterFile);

            Console.WriteLine("import/export: baseline (prepared ADO.NET INSERT) ...");
            var baseline = database.IsPostgres ? await PostgresBaselineAsync(baselineDb, ndjson, cancellationToken) : Baseline(baselineDb, ndjson, withLog: false);
            CommandRun? withLog = null;
            if (!database.IsPostgres)
            {
                Console.WriteLine("import/export: baseline with change log (prepared ADO.NET INSERTs) ...");
                withLog = Baseline(await FreshCopyAsync(database, workDirectory, "baseline-log", cancellationToken), ndjson, withLog: true);
            }

            return new ImportExportResult(exportNdjson, exportCsv, quarter, import, again, baseline, same) { BaselineWithLog = withLog };
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            if (database.IsPostgres)
            {
                await DropCopiesAsync(database, workDirectory);
            }

            Directory.Delete(workDirectory, recursive: true);
        }
    }

    /// <summary>
    /// <c>--memory-scale</c>: exports the workers of that data set (seeded or reused like the main one) and imports
    /// them into a fresh database of it, for the peak memory of another file size; nothing when the option is absent.
    /// </summary>
    public static async Task<ImportExportResult> AddMemoryScaleAsync(string apiAssembly, BenchOptions options, ImportExportResult result, string workDirectory, CancellationToken cancellationToken)
    {
        if (options.MemoryScale is not { } scale)
        {
            return result;
        }

        if (options.Provider == BenchProvider.Postgres)
        {
            throw new BenchmarkException("--memory-scale measures the SQLite import; run it without --provider postgres.");
        }

        var database = await BenchDatabase.PrepareAsync(options with { Scale = scale, Reseed = false }, cancellationToken);
        Directory.CreateDirectory(workDirectory);
        try
        {
            var ndjson = Path.Combine(workDirectory, "workers.ndjson");
            var name = scale.ToString().ToLowerInvariant();
            Console.WriteLine($"import/export: export the {name} workers (memory scale) ...");
            var export = await RunAsync(apiAssembly, database, database.ApiConnectionString, $"export ndjson ({name})", cancellationToken, "export", "--entity", "workers", "--format", "ndjson", "--output", ndjson);
            var fresh = EmptyCopy(database, workDirectory, "fresh");
            Console.WriteLine($"import/export: import {export.Rows:N0} {name} workers (memory scale) ...");
            var import = await RunAsync(apiAssembly, database, new SqliteConnectionStringBuilder { DataSource = fresh }.ToString(), $"import ({name})", cancellationToken, "import", "--entity", "workers", "--input", ndjson);
            return result with { MemoryScale = (name, database.Seed.TotalRows, export, import) };
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(workDirectory, recursive: true);
        }
    }

    /// <summary>
    /// Like <see cref="FreshCopyAsync"/> for a large database: the same schema (tables, indexes, migrations history) with
    /// every table's rows but those of workers, posts, training records, assessments and the change log, copied
    /// table by table instead of copying the whole file and deleting millions of rows.
    /// </summary>
    private static string EmptyCopy(BenchDatabase database, string directory, string name)
    {
        string[] emptied = ["Workers", "Posts", "TrainingRecords", "Assessments", "ChangeLog"];
        var path = Path.Combine(directory, name + ".db");
        using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        target.Open();
        var schema = new List<(string Type, string Name, string Sql)>();
        using (var source = new SqliteConnection(database.ConnectionString))
        {
            source.Open();
            using var read = source.CreateCommand();
            read.CommandText = "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid";
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                schema.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        void Execute(string sql)
        {
            using var command = target.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }

        Execute("PRAGMA journal_mode=WAL;");
        Execute("PRAGMA foreign_keys=OFF;");
        Execute($"ATTACH DATABASE '{database.FilePath.Replace("'", "''", StringComparison.Ordinal)}' AS source;");
        using (var transaction = target.BeginTransaction())
        {
            foreach (var (_, table, sql) in schema.Where(s => s.Type == "table"))
            {
                Execute(sql);
                if (!emptied.Contains(table, StringComparer.Ordinal))
                {
                    var quoted = "\"" + table.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
                    Execute($"INSERT INTO main.{quoted} SELECT * FROM source.{quoted};");
                }
            }

            foreach (var (_, _, sql) in schema.Where(s => s.Type != "table"))
            {
                Execute(sql);
            }

            transaction.Commit();
        }

        Execute("DETACH DATABASE source;");
        return path;
    }

    /// <summary>The bench database without workers, posts, training records, assessments and change log; its connection string.</summary>
    private static async Task<string> FreshCopyAsync(BenchDatabase database, string directory, string name, CancellationToken cancellationToken)
    {
        if (database.IsPostgres)
        {
            return await PostgresFreshCopyAsync(database, directory, name, cancellationToken);
        }


        var path = Path.Combine(directory, name + ".db");
        using (var source = new SqliteConnection(database.ConnectionString))
        using (var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            source.Open();
            target.Open();
            source.BackupDatabase(target);
            using var command = target.CreateCommand();
            command.CommandText = "DELETE FROM Assessments; DELETE FROM TrainingRecords; DELETE FROM Posts; DELETE FROM Workers; DELETE FROM ChangeLog; PRAGMA journal_mode=WAL;";
            command.ExecuteNonQuery();
        }

        return new SqliteConnectionStringBuilder { DataSource = path }.ToString();
    }

    /// <summary>
    /// A database per copy on the same server, named after the work folder (so parallel runs do not collide): the first
    /// from the bench database, emptied by TRUNCATE; the others from the first.
    /// </summary>
    private static async Task<string> PostgresFreshCopyAsync(BenchDatabase database, string directory, string name, CancellationToken cancellationToken)
    {
        var server = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var copy = CopyName(database, directory, name);
        var fresh = CopyName(database, directory, "fresh");
        NpgsqlConnection.ClearAllPools();
        await using (var admin = await BenchDatabase.OpenAdminAsync(new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = "postgres" }, cancellationToken))
        {
            var template = copy == fresh ? database.FilePath : fresh;
            await BenchDatabase.ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {BenchDatabase.QuoteIdentifier(copy)} WITH (FORCE)", cancellationToken);
            await BenchDatabase.ExecuteAsync(admin, $"CREATE DATABASE {BenchDatabase.QuoteIdentifier(copy)} TEMPLATE {BenchDatabase.QuoteIdentifier(template)}", cancellationToken);
        }

        var connection = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = copy, Pooling = false }.ToString();
        if (copy == fresh)
        {
            await using var target = new NpgsqlConnection(connection);
            await target.OpenAsync(cancellationToken);
            await BenchDatabase.ExecuteAsync(target, "TRUNCATE \"Assessments\", \"TrainingRecords\", \"Posts\", \"Workers\", \"ChangeLog\" CASCADE", cancellationToken);
            await BenchDatabase.ExecuteAsync(target, "VACUUM ANALYZE", cancellationToken);
        }

        return new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = copy }.ToString();
    }

    private static string CopyName(BenchDatabase database, string directory, string name) =>
        $"{database.FilePath}_{Path.GetFileName(directory).Replace('-', '_')}_{name}";

    private static async Task DropCopiesAsync(BenchDatabase database, string directory)
    {
        try
        {
            var server = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Database = "postgres" };
            await using var admin = await BenchDatabase.OpenAdminAsync(server, CancellationToken.None);
            foreach (var name in new[] { "fresh", "quarter", "baseline" })
            {
                await BenchDatabase.ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {BenchDatabase.QuoteIdentifier(CopyName(database, directory, name))} WITH (FORCE)", CancellationToken.None);
            }
        }
        catch (NpgsqlException e)
        {
            await Console.Error.WriteLineAsync($"bench: could not drop the import/export copies: {e.Message}");
        }
    }

    private static async Task<CommandRun> RunAsync(string apiAssembly, BenchDatabase database, string connectionString, string name, CancellationToken cancellationToken, params string[] args)
    {
        var start = new ProcessStartInfo
        {
            FileName = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(apiAssembly);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ConnectionStrings__Workforce"] = connectionString;
        start.Environment["Database__Provider"] = database.ProviderSetting;
        using var process = Process.Start(start) ?? throw new BenchmarkException($"could not start {apiAssembly}");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        long peak = 0;
        while (!process.HasExited)
        {
            // VmHWM only grows; the last reading before exit is the peak.
            peak = Math.Max(peak, PeakResidentBytes(process.Id));
            await Task.WhenAny(process.WaitForExitAsync(cancellationToken), Task.Delay(20, cancellationToken));
        }

        var output = await stdout;
        if (process.ExitCode != 0)
        {
            throw new BenchmarkException($"{string.Join(' ', args)} exited with {process.ExitCode}: {await stderr}{output}");
        }

        var summary = Summary().Match(output);
        if (!summary.Success)
        {
            throw new BenchmarkException($"{string.Join(' ', args)}: no summary line in: {output}");
        }

        return new CommandRun(name, Number(summary.Groups["rows"].Value), double.Parse(summary.Groups["seconds"].Value, CultureInfo.InvariantCulture), Number(summary.Groups["rate"].Value), peak);
    }

    // Prepared INSERT of the same rows, 1,000 per transaction, indexes in place: no validation, no change log.
    // withLog: each worker's change-log entry too (the record's JSON line as its fields, about the size the import logs).
    // Both commit as the import does on SQLite: WAL with synchronous=NORMAL (BulkWriteDurability).
    private static CommandRun Baseline(string connectionString, string ndjson, bool withLog)
    {
        var clock = Stopwatch.StartNew();
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous=NORMAL;";
            pragma.ExecuteNonQuery();
        }

        var communities = new Dictionary<string, long>(StringComparer.Ordinal);
        using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT Code, Id FROM Communities";
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                communities[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        string[] fields = ["idNumber", "name", "gender", "birthDate", "phone", "ethnicity", "politicalStatus", "education", "socialWorkQualification", "employmentType", "status", "communityWorkStartDate", "hiredOn", "isReserveTalent", "communityCode"];
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO Workers (IdNumber, Name, Gender, BirthDate, Phone, Ethnicity, PoliticalStatus, Education, SocialWorkQualification, EmploymentType, Status, CommunityWorkStartDate, HiredOn, IsReserveTalent, CommunityId) "
            + "VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11, $p12, $p13, $p14) RETURNING Id";
        var parameters = fields.Select((_, i) => insert.Parameters.Add(new SqliteParameter(string.Create(CultureInfo.InvariantCulture, $"$p{i}"), null))).ToArray();
        using var log = connection.CreateCommand();
        log.CommandText = "INSERT INTO ChangeLog (EntityType, EntityId, Operation, ChangedAt, ScopeCode, WorkerId, Actor, Fields) VALUES ('Worker', $id, 'Upsert', $at, $scope, $id, 'import', $fields)";
        var logId = log.Parameters.Add(new SqliteParameter("$id", null));
        var logAt = log.Parameters.Add(new SqliteParameter("$at", null));
        var logScope = log.Parameters.Add(new SqliteParameter("$scope", null));
        var logFields = log.Parameters.Add(new SqliteParameter("$fields", null));
        long rows = 0;
        var transaction = connection.BeginTransaction();
        insert.Transaction = transaction;
        log.Transaction = transaction;
        insert.Prepare();
        log.Prepare();
        foreach (var line in File.ReadLines(ndjson))
        {
            using var document = JsonDocument.Parse(line);
            for (var i = 0; i < fields.Length; i++)
            {
                var value = document.RootElement.GetProperty(fields[i]);
                parameters[i].Value = value.ValueKind switch
                {
                    JsonValueKind.Null => DBNull.Value,
                    JsonValueKind.True => 1,
                    JsonValueKind.False => 0,
                    _ when fields[i] == "communityCode" => communities[value.GetString()!],
                    _ when i is 2 or 6 or 7 or 8 or 9 or 10 => Pascal(value.GetString()!),
                    _ => value.GetString()!,
                };
            }

            var id = insert.ExecuteScalar();
            if (withLog)
            {
                logId.Value = id;
                logAt.Value = DateTime.UtcNow;
                logScope.Value = document.RootElement.GetProperty("communityCode").GetString();
                logFields.Value = line;
                log.ExecuteNonQuery();
            }

            if (++rows % BatchSize == 0)
            {
                transaction.Commit();
                transaction.Dispose();
                transaction = connection.BeginTransaction();
                insert.Transaction = transaction;
                log.Transaction = transaction;
            }
        }

        transaction.Commit();
        transaction.Dispose();
        var seconds = clock.Elapsed.TotalSeconds;
        return new CommandRun(withLog ? "baseline: INSERT + change-log entry" : "baseline: prepared INSERT", rows, seconds, rows / seconds, 0);
    }

    // The same on PostgreSQL: one prepared INSERT through Npgsql, 1,000 rows per transaction, typed parameters.
    private static async Task<CommandRun> PostgresBaselineAsync(string connectionString, string ndjson, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        var communities = new Dictionary<string, int>(StringComparer.Ordinal);
        await using (var read = new NpgsqlCommand("SELECT \"Code\", \"Id\" FROM \"Communities\"", connection))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                communities[reader.GetString(0)] = reader.GetInt32(1);
            }
        }

        string[] fields = ["idNumber", "name", "gender", "birthDate", "phone", "ethnicity", "politicalStatus", "education", "socialWorkQualification", "employmentType", "status", "communityWorkStartDate", "hiredOn", "isReserveTalent", "communityCode"];
        string[] columns = ["IdNumber", "Name", "Gender", "BirthDate", "Phone", "Ethnicity", "PoliticalStatus", "Education", "SocialWorkQualification", "EmploymentType", "Status", "CommunityWorkStartDate", "HiredOn", "IsReserveTalent", "CommunityId"];
        await using var insert = new NpgsqlCommand(
            $"INSERT INTO \"Workers\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"${i + 1}"))})",
            connection);
        var parameters = columns.Select(c => c switch
        {
            "BirthDate" or "CommunityWorkStartDate" or "HiredOn" => new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Date },
            "IsReserveTalent" => new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Boolean },
            "CommunityId" => new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer },
            _ => new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Varchar },
        }).ToArray();
        insert.Parameters.AddRange(parameters);
        await insert.PrepareAsync(cancellationToken);
        long rows = 0;
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var line in File.ReadLines(ndjson))
        {
            using var document = JsonDocument.Parse(line);
            for (var i = 0; i < fields.Length; i++)
            {
                var value = document.RootElement.GetProperty(fields[i]);
                parameters[i].Value = value.ValueKind switch
                {
                    JsonValueKind.Null => DBNull.Value,
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    _ when fields[i] == "communityCode" => communities[value.GetString()!],
                    _ when i is 3 or 11 or 12 => DateOnly.ParseExact(value.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                    _ when i is 2 or 6 or 7 or 8 or 9 or 10 => Pascal(value.GetString()!),
                    _ => value.GetString()!,
                };
            }

            await insert.ExecuteNonQueryAsync(cancellationToken);
            if (++rows % BatchSize == 0)
            {
                await transaction.CommitAsync(cancellationToken);
                await transaction.DisposeAsync();
                transaction = await connection.BeginTransactionAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        await transaction.DisposeAsync();
        var seconds = clock.Elapsed.TotalSeconds;
        return new CommandRun("baseline: prepared INSERT", rows, seconds, rows / seconds, 0);
    }

    // The stored enum names are the C# members: CPC_MEMBER → CpcMember.
    private static string Pascal(string upperSnake) =>
        string.Concat(upperSnake.Split('_').Select(part => part[..1] + part[1..].ToLowerInvariant()));

    private static long PeakResidentBytes(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
            // The process ended between the check and the read.
        }
        catch (UnauthorizedAccessException)
        {
        }

        return 0;
    }

    private static long Number(string text) => (long)double.Parse(text.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    // "Exported 115,685 workers to … in 5.9 s, 19,503 rows/s." and "Imported workers from …: 115,685 records in 116 batches, 27.8 s, 4,168 rows/s."
    [GeneratedRegex(@"(?:Exported (?<rows>[\d,]+) .*? in |: (?<rows>[\d,]+) records in [\d,]+ batches, )(?<seconds>[\d.]+) s, (?<rate>[\d,]+) rows/s")]
    private static partial Regex Summary();
}
