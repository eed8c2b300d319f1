using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;
using WorkforceGraph.Data;
using WorkforceGraph.Data.Regions;
using WorkforceGraph.Features.Integration.Transfer;

namespace WorkforceGraph.Api.Commands;

/// <summary>
/// <c>export --entity &lt;name&gt; --format ndjson|csv --output &lt;file&gt; [--region &lt;prefix&gt;]</c>: streams one
/// entity's rows, in an order the import follows (by id; regions parents first), in the import format. ID numbers and
/// phones are written unmasked: this is the database operator's tool (no token), so keep the files as you keep the
/// database.
/// </summary>
public static class ExportCommand
{
    public const string Usage =
        "usage: export --entity <name> --format ndjson|csv --output <file> [--region <division-code prefix>]\n" +
        "  Writes the rows in the import format, ID numbers and phones UNMASKED (the operator's tool: protect the file).\n" +
        "  --region writes what a caller of that region sees. Exit codes: 0 written, 1 failed (no file), 2 refused.";

    private static readonly HashSet<string> Names = ["--entity", "--format", "--output", "--region"];

    /// <summary>Runs the command; <paramref name="args"/> are the arguments after <c>export</c>.</summary>
    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!TransferArguments.TryParse(args, Names, out var values, out var error))
        {
            return await RefuseAsync(error, usage: true);
        }

        if (!values.TryGetValue("--entity", out var entity) || !values.TryGetValue("--output", out var output))
        {
            return await RefuseAsync("--entity and --output are required.", usage: true);
        }

        if (!TransferArguments.TryFormat(values, output, out var format, out error))
        {
            return await RefuseAsync(error);
        }

        if (!RegionScope.TryParse(values.GetValueOrDefault("--region"), out var scope, out var regionError))
        {
            return await RefuseAsync($"--region: {regionError}");
        }

        await using var services = TransferArguments.Services(configuration);
        var transfers = services.GetServices<IEntityTransfer>().ToList();
        if (transfers.Find(entity) is not { } transfer)
        {
            return await RefuseAsync($"unknown entity '{entity}'. Entities: {TransferArguments.EntityNames(transfers)}.");
        }

        if (format == TransferFileFormat.Csv && CsvCell.CsvProblem(transfer.RecordContract, transfer.CsvCells) is { } csvProblem)
        {
            return await RefuseAsync($"{transfer.Name}: {csvProblem}");
        }

        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;

        // Written beside the target and moved over it when complete: a failed export leaves no half file.
        var partial = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(output))!, $".{Path.GetFileName(output)}.{Environment.ProcessId}.partial");
        try
        {
            var factory = services.GetRequiredService<IDbContextFactory<WorkforceDbContext>>();
            await using var db = await factory.CreateDbContextAsync(cancel.Token);
            // A database never migrated is a wrong path or an empty file: refused. One behind is brought up to date, as the server does on start.
            if (!(await db.Database.GetAppliedMigrationsAsync(cancel.Token)).Any())
            {
                return await RefuseAsync("the database is missing or empty (start the server, seed or import first).");
            }

            await db.Database.MigrateAsync(cancel.Token);

            db.Scope = scope;
            var total = await transfer.CountAsync(db, cancel.Token);
            var clock = Stopwatch.StartNew();
            long rows;
            using (var writer = RecordWriter.Open(new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16), format, transfer.RecordContract, transfer.CsvCells))
            {
                rows = TransferArguments.Interactive
                    ? await WriteWithProgressAsync(transfer, db, writer, total, cancel.Token)
                    : await WriteAsync(transfer, db, writer, null, cancel.Token);
                writer.Flush();
            }

            File.Move(partial, output, overwrite: true);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Exported {rows:N0} {transfer.Name}{(scope.IsNational ? "" : $" of region {scope.Prefix}")} to {output} ({format.ToString().ToLowerInvariant()}) in {clock.Elapsed.TotalSeconds:F1} s, {rows / Math.Max(clock.Elapsed.TotalSeconds, 1e-3):N0} rows/s."));
            return 0;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("export: cancelled; no file written.");
            return 1;
        }
        catch (Exception e) when (e is System.Data.Common.DbException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync($"export: failed: {e.GetBaseException().Message}");
            return 1;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
            File.Delete(partial);
        }
    }

    private static async Task<long> WriteAsync(IEntityTransfer transfer, WorkforceDbContext db, RecordWriter writer, Action<long>? progress, CancellationToken cancellationToken)
    {
        long rows = 0;
        await foreach (var record in transfer.ExportAsync(db, cancellationToken))
        {
            writer.Write(record);
            if (++rows % 1000 == 0)
            {
                progress?.Invoke(rows);
            }
        }

        return rows;
    }

    private static async Task<long> WriteWithProgressAsync(IEntityTransfer transfer, WorkforceDbContext db, RecordWriter writer, int total, CancellationToken cancellationToken)
    {
        long rows = 0;
        var clock = Stopwatch.StartNew();
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask($"export {transfer.Name}", maxValue: Math.Max(1, total));
                rows = await WriteAsync(transfer, db, writer, n =>
                {
                    task.Value = Math.Min(n, task.MaxValue);
                    task.Description = string.Create(CultureInfo.InvariantCulture, $"export {transfer.Name}: {n:N0} rows, {n / Math.Max(clock.Elapsed.TotalSeconds, 1e-3):N0} rows/s");
                }, cancellationToken);
                task.Value = task.MaxValue;
                ctx.Refresh();
            });
        return rows;
    }

    private static async Task<int> RefuseAsync(string? message, bool usage = false)
    {
        await Console.Error.WriteLineAsync($"export: {message}");
        if (usage)
        {
            await Console.Error.WriteLineAsync(Usage);
        }

        return 2;
    }
}
