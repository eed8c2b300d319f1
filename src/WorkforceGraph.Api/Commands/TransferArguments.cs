using WorkforceGraph.Api.Hosting;
using WorkforceGraph.Features;
using WorkforceGraph.Features.Integration.Transfer;

namespace WorkforceGraph.Api.Commands;

/// <summary>What <c>import</c> and <c>export</c> share: argument parsing and the services they run on.</summary>
internal static class TransferArguments
{
    /// <summary>
    /// Reads <c>--name value</c> pairs; <paramref name="flags"/> take no value. False with an error for an unknown
    /// argument or a missing value.
    /// </summary>
    public static bool TryParse(IReadOnlyList<string> args, IReadOnlySet<string> names, out Dictionary<string, string> values, out string? error)
    {
        values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (!names.Contains(name))
            {
                error = $"unknown argument '{name}'.";
                return false;
            }

            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                error = $"{name} needs a value.";
                return false;
            }

            values[name] = args[++i];
        }

        error = null;
        return true;
    }

    /// <summary>The database, the batch writes (with every entity's sync) and the transfers, as the server registers them.</summary>
    /// <param name="bulkWrites">For <c>import</c>: SQLite commits its batches without waiting for the disk, see <see cref="Data.BulkWriteDurability"/>.</param>
    public static ServiceProvider Services(IConfiguration configuration, bool bulkWrites = false) =>
        new ServiceCollection()
            .AddWorkforceDatabase(configuration, bulkWrites: bulkWrites)
            .AddWorkforceSchema(configuration)
            .AddWorkforceTransfers()
            .BuildServiceProvider();

    public static string EntityNames(IEnumerable<IEntityTransfer> transfers) => string.Join(", ", transfers.Select(t => t.Name).Order(StringComparer.Ordinal));

    /// <summary>The format named by <c>--format</c>, else implied by the file name.</summary>
    public static bool TryFormat(Dictionary<string, string> values, string path, out TransferFileFormat format, out string? error)
    {
        error = null;
        if (values.TryGetValue("--format", out var text))
        {
            if (TransferFormat.TryParse(text, out format))
            {
                return true;
            }

            error = $"--format must be ndjson or csv, not '{text}'.";
            return false;
        }

        if (TransferFormat.FromFileName(path) is { } implied)
        {
            format = implied;
            return true;
        }

        format = default;
        error = "--format ndjson|csv is required (the file name ends in neither .ndjson nor .csv).";
        return false;
    }

    /// <summary>Whether to draw a live progress bar: not when the output goes to a file or a pipe.</summary>
    public static bool Interactive => !Console.IsOutputRedirected && !Console.IsErrorRedirected;
}
