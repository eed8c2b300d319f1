using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;
using WorkforceGraph.Data;
using WorkforceGraph.Features.Integration;
using WorkforceGraph.Features.Integration.Transfer;

namespace WorkforceGraph.Api.Commands;

/// <summary>
/// <c>import --entity &lt;name&gt; --input &lt;file&gt; [--format ndjson|csv] [--batch-size N] [--errors &lt;file&gt;]</c>:
/// streams a file into the configured database through the mutations' validation, one transaction per batch, as the
/// database's operator (national scope, change-log actor <c>import</c>).
/// </summary>
public static class ImportCommand
{
    public const string Usage =
        "usage: import --entity <name> --input <file> [--format ndjson|csv] [--batch-size N (1000)] [--errors <file>]\n" +
        "  Writes each batch of N records in one transaction (the mutations' validation); rejected records are listed\n" +
        "  by line, all of them in --errors (NDJSON). Interrupted? Run the same import again: committed batches come\n" +
        "  back unchanged. Exit codes: 0 all written, 1 failed (committed batches stay), 2 refused (nothing written),\n" +
        "  3 done with rejected records.";

    private static readonly HashSet<string> Names = ["--entity", "--input", "--format", "--batch-size", "--errors"];

    /// <summary>Runs the command; <paramref name="args"/> are the arguments after <c>import</c>.</summary>
    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!TransferArguments.TryParse(args, Names, out var values, out var error))
        {
            return await RefuseAsync(error, usage: true);
        }

        if (!values.TryGetValue("--entity", out var entity) || !values.TryGetValue("--input", out var input))
        {
            return await RefuseAsync("--entity and --input are required.", usage: true);
        }

        await using var services = TransferArguments.Services(configuration, bulkWrites: true);
        var transfers = services.GetServices<IEntityTransfer>().ToList();
        if (transfers.Find(entity) is not { } transfer)
        {
            return await RefuseAsync($"unknown entity '{entity}'. Entities: {TransferArguments.EntityNames(transfers)}.");
        }

        var batchWriter = services.GetRequiredService<BatchWriter>();
        var batchSize = batchWriter.MaxBatchRecords;
        if (values.TryGetValue("--batch-size", out var sizeText))
        {
            if (!int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out batchSize) || batchSize < 1)
            {
                return await RefuseAsync($"--batch-size must be a positive integer, not '{sizeText}'.");
            }

            if (batchSize > batchWriter.MaxBatchRecords)
            {
                return await RefuseAsync($"{RecordCodes.LimitExceeded}: --batch-size is at most {batchWriter.MaxBatchRecords:N0} (Limits:MaxBatchRecords), not {batchSize:N0}.");
            }
        }

        if (!TransferArguments.TryFormat(values, input, out var format, out error))
        {
            return await RefuseAsync(error);
        }

        if (!File.Exists(input))
        {
            return await RefuseAsync($"no file '{input}'.");
        }

        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        var file = new FileStream(input, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        StreamWriter? errors = null;
        try
        {
            RecordReader reader;
            try
            {
                reader = RecordReader.Open(new StreamReader(file, RecordWriter.Utf8, detectEncodingFromByteOrderMarks: true, 1 << 16), format, transfer.RecordContract, transfer.CsvCells);
            }
            catch (TransferFileException e)
            {
                return await RefuseAsync($"{input}: {e.Message} Nothing was written.");
            }

            using (reader)
            {
                // An empty file is refused before anything (even a migration) touches the database.
                if (reader.IsEmpty())
                {
                    return await RefuseAsync($"{input}: the file holds no records. Nothing was written.");
                }

                var factory = services.GetRequiredService<IDbContextFactory<WorkforceDbContext>>();
                await using (var context = await factory.CreateDbContextAsync(cancel.Token))
                {
                    await context.Database.MigrateAsync(cancel.Token);
                }

                if (values.TryGetValue("--errors", out var errorsPath))
                {
                    errors = new StreamWriter(errorsPath, append: false, RecordWriter.Utf8);
                }

                var importer = new Importer(batchWriter, transfer, batchSize);
                var sink = errors is null ? null : new Action<ImportError>(e => errors.WriteLine(JsonSerializer.Serialize(e, ErrorJson)));
                var summary = TransferArguments.Interactive
                    ? await RunWithProgressAsync(importer, reader, file, transfer.Name, sink, cancel.Token)
                    : await importer.RunAsync(reader, () => file.Position, sink, null, cancel.Token);
                await using (var context = await factory.CreateDbContextAsync(cancel.Token))
                {
                    if (!await BulkWriteDurability.MakeDurableAsync(context, cancel.Token))
                    {
                        await Console.Error.WriteLineAsync("import: readers kept SQLite from checkpointing; the last batches reach the disk at its next checkpoint.");
                    }
                }

                PrintSummary(transfer.Name, input, summary, errorsPath);
                return summary.Rejected > 0 ? 3 : 0;
            }
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("import: cancelled. The batches committed so far stay whole; run the same import again to finish.");
            return 1;
        }
        catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync($"import: failed: {e.GetBaseException().Message}");
            await Console.Error.WriteLineAsync("The batch being written was rolled back; the ones before it stay whole. Run the same import again to finish.");
            return 1;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
            if (errors is not null)
            {
                await errors.DisposeAsync();
            }

            await file.DisposeAsync();
        }
    }

    private static readonly JsonSerializerOptions ErrorJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static async Task<int> RefuseAsync(string? message, bool usage = false)
    {
        await Console.Error.WriteLineAsync($"import: {message}");
        if (usage)
        {
            await Console.Error.WriteLineAsync(Usage);
        }

        return 2;
    }

    private static async Task<ImportSummary> RunWithProgressAsync(Importer importer, RecordReader reader, FileStream file, string entity, Action<ImportError>? sink, CancellationToken cancellationToken)
    {
        ImportSummary? summary = null;
        var length = Math.Max(1, file.Length);
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask($"import {entity}", maxValue: length);
                summary = await importer.RunAsync(reader, () => file.Position, sink, p =>
                {
                    task.Value = Math.Min(p.BytesRead, length);
                    task.Description = string.Create(CultureInfo.InvariantCulture, $"import {entity}: {p.Records:N0} rows, {p.RowsPerSecond:N0} rows/s");
                }, cancellationToken);
                task.Value = length;
                ctx.Refresh();
            });
        return summary!;
    }

    private static void PrintSummary(string entity, string input, ImportSummary s, string? errorsPath)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Imported {entity} from {input}: {s.Records:N0} records in {s.Batches:N0} batches, {s.Elapsed.TotalSeconds:F1} s, {s.RowsPerSecond:N0} rows/s."));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"created {s.Created:N0}, updated {s.Updated:N0}, unchanged {s.Unchanged:N0}, rejected {s.Rejected:N0}"));
        foreach (var e in s.FirstErrors)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  line {e.Line}: {e.Code}{(e.Field is null ? "" : $" ({e.Field})")}: {e.Message}"));
        }

        if (s.ErrorCount > s.FirstErrors.Count)
        {
            Console.WriteLine(errorsPath is null
                ? $"  … and {s.ErrorCount - s.FirstErrors.Count:N0} more errors; add --errors <file> to write them all."
                : $"  … and {s.ErrorCount - s.FirstErrors.Count:N0} more errors in {errorsPath}.");
        }
        else if (errorsPath is not null)
        {
            Console.WriteLine($"Errors written to {errorsPath}.");
        }
    }
}
