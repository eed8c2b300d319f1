using System.Diagnostics;
using System.Text.RegularExpressions;
using WorkforceGraph.Data.Regions;

namespace WorkforceGraph.Features.Integration.Transfer;

/// <summary>One rejected record of an import: its line in the file (1-based; a CSV record's first line).</summary>
public sealed record ImportError(int Line, string Code, string? Field, string Message);

/// <summary>Where an import is: records read, bytes of the file consumed, rows per second so far.</summary>
public readonly record struct ImportProgress(long Records, long Batches, long BytesRead, double RowsPerSecond);

/// <summary>What an import did.</summary>
public sealed record ImportSummary(long Records, long Batches, long Created, long Updated, long Unchanged, long Rejected, long ErrorCount, IReadOnlyList<ImportError> FirstErrors, TimeSpan Elapsed)
{
    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? Records / Elapsed.TotalSeconds : 0;
}

/// <summary>
/// Streams records from a reader into batches of <c>batchSize</c> and writes each through
/// <see cref="BatchWriter.UpsertAsync"/>: the mutations' validation, one transaction per batch with its change-log
/// entries. Memory is one batch and the first errors, whatever the file's size. A process killed mid-import leaves the
/// batches committed so far whole; rerunning the same file finds them unchanged and writes the rest. A key repeated in
/// a later batch is written again there (the later record wins, as an update).
/// </summary>
public sealed partial class Importer(BatchWriter batchWriter, IEntityTransfer transfer, int batchSize)
{
    /// <summary>The change log's actor for command-line imports.</summary>
    public const string Actor = "import";

    /// <summary>How many errors the summary keeps (all go to the error sink).</summary>
    public const int ErrorsKept = 20;

    /// <summary>Imports every record of <paramref name="reader"/>; <paramref name="errorSink"/> receives each error as it is found.</summary>
    public async Task<ImportSummary> RunAsync(RecordReader reader, Func<long> bytesRead, Action<ImportError>? errorSink, Action<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(bytesRead);
        var writer = new Writer(Actor, RegionScope.National);
        var clock = Stopwatch.StartNew();
        var records = new List<object>(batchSize);
        var lines = new List<int>(batchSize);
        var firstErrors = new List<ImportError>();
        long read = 0, batches = 0, created = 0, updated = 0, unchanged = 0, rejected = 0, errorCount = 0;
        var lastReport = TimeSpan.Zero;

        void Report(ImportError error)
        {
            errorCount++;
            if (firstErrors.Count < ErrorsKept)
            {
                firstErrors.Add(error);
            }

            errorSink?.Invoke(error);
        }

        async Task FlushAsync()
        {
            if (records.Count == 0)
            {
                return;
            }

            var outcome = await transfer.ImportAsync(batchWriter, records, writer, cancellationToken).ConfigureAwait(false);
            batches++;
            created += outcome.Created;
            updated += outcome.Updated;
            unchanged += outcome.Unchanged;
            var lastIndex = -1;
            foreach (var error in outcome.Errors)
            {
                if (error.Index != lastIndex)
                {
                    rejected++;
                    lastIndex = error.Index;
                }

                Report(new ImportError(lines[error.Index], error.Code, error.Field, InLines(error.Message, lines)));
            }

            records.Clear();
            lines.Clear();
            var elapsed = clock.Elapsed;
            if (progress is not null && elapsed - lastReport > TimeSpan.FromMilliseconds(200))
            {
                lastReport = elapsed;
                progress(new ImportProgress(read, batches, bytesRead(), read / Math.Max(elapsed.TotalSeconds, 1e-3)));
            }
        }

        while (reader.TryRead(out var record))
        {
            read++;
            if (record.Problem is { } problem)
            {
                rejected++;
                Report(new ImportError(record.Line, problem.Code, problem.Field, problem.Message));
                continue;
            }

            records.Add(record.Record!);
            lines.Add(record.Line);
            if (records.Count == batchSize)
            {
                await FlushAsync().ConfigureAwait(false);
            }
        }

        await FlushAsync().ConfigureAwait(false);
        progress?.Invoke(new ImportProgress(read, batches, bytesRead(), read / Math.Max(clock.Elapsed.TotalSeconds, 1e-3)));
        return new ImportSummary(read, batches, created, updated, unchanged, rejected, errorCount, firstErrors, clock.Elapsed);
    }

    // The writer names the first of two duplicates by its index in the batch; a file's reader wants its line.
    private static string InLines(string message, List<int> lines) =>
        BatchIndex().Replace(message, m => int.TryParse(m.Groups[1].ValueSpan, out var index) && index < lines.Count ? $"at line {lines[index]}" : m.Value);

    [GeneratedRegex(@"at index (\d+) of this batch")]
    private static partial Regex BatchIndex();
}
