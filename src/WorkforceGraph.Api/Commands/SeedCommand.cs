using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;
using WorkforceGraph.Api.Hosting;
using WorkforceGraph.Data;
using WorkforceGraph.Data.Seeding;

namespace WorkforceGraph.Api.Commands;

/// <summary>
/// <c>seed --scale demo|province|national [--random-seed N] [--as-of yyyy-MM-dd] [--force]</c>: migrates the
/// configured database and fills it with deterministic generated data, with a progress bar.
/// </summary>
public static class SeedCommand
{
    public const string Usage = "usage: seed --scale demo|province|national [--random-seed N] [--as-of yyyy-MM-dd] [--force]";

    /// <summary>Runs the command; <paramref name="args"/> are the arguments after <c>seed</c>. Exit codes: 0 done, 1 failed, 2 bad arguments.</summary>
    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!TryParse(args, DateOnly.FromDateTime(DateTime.UtcNow), out var options, out var error))
        {
            await Console.Error.WriteLineAsync($"seed: {error}");
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            var services = new ServiceCollection()
                .AddWorkforceDatabase(configuration)
                .BuildServiceProvider();
            await using (services)
            {
                var factory = services.GetRequiredService<IDbContextFactory<WorkforceDbContext>>();
                await using (var context = await factory.CreateDbContextAsync(cancel.Token))
                {
                    await context.Database.MigrateAsync(cancel.Token);
                }

                var seeder = services.GetRequiredService<DataSeeder>();
                if (!options.Force && !await seeder.IsEmptyAsync(cancel.Token))
                {
                    await Console.Error.WriteLineAsync("seed: the database already holds data; add --force to replace it.");
                    return 1;
                }

                var result = await RunWithProgressAsync(seeder, options, cancel.Token);
                PrintSummary(options, result);
                return 0;
            }
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("seed: cancelled; the database holds a partial data set (seed again with --force).");
            return 1;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>Parses the arguments after <c>seed</c>; the as-of date defaults to <paramref name="today"/>.</summary>
    public static bool TryParse(IReadOnlyList<string> args, DateOnly today, out SeedOptions options, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        options = new SeedOptions { AsOf = today };
        SeedScale? scale = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--force")
            {
                options = options with { Force = true };
                continue;
            }

            if (name is not ("--scale" or "--random-seed" or "--as-of"))
            {
                error = $"unknown argument '{name}'.";
                return false;
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
                case "--random-seed" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed):
                    options = options with { RandomSeed = seed };
                    break;
                case "--random-seed":
                    error = $"--random-seed must be an integer, not '{value}'.";
                    return false;
                case "--as-of" when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asOf):
                    options = options with { AsOf = asOf };
                    break;
                default:
                    error = $"--as-of must be a date yyyy-MM-dd, not '{value}'.";
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

    private static async Task<SeedResult> RunWithProgressAsync(DataSeeder seeder, SeedOptions options, CancellationToken cancellationToken)
    {
        SeedResult? result = null;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask($"seed {Name(options.Scale)}", maxValue: 1);
                var progress = new SyncProgress<SeedProgress>(p =>
                {
                    task.MaxValue = Math.Max(1, p.CountiesTotal);
                    task.Value = p.CountiesDone;
                    task.Description = string.Create(CultureInfo.InvariantCulture,
                        $"seed {Name(options.Scale)}: counties {p.CountiesDone}/{p.CountiesTotal}, {p.RowsWritten:N0} rows, {p.RowsPerSecond:N0} rows/s");
                });
                result = await seeder.SeedAsync(options, progress, cancellationToken);
                task.Value = task.MaxValue;
                ctx.Refresh();
            });
        return result!;
    }

    private static void PrintSummary(SeedOptions options, SeedResult result)
    {
        var table = new Table().AddColumn("table").AddColumn(new TableColumn("rows").RightAligned());
        foreach (var count in result.Tables)
        {
            table.AddRow(count.Table, count.Rows.ToString("N0", CultureInfo.InvariantCulture));
        }

        table.AddRow("[bold]total[/]", $"[bold]{result.TotalRows.ToString("N0", CultureInfo.InvariantCulture)}[/]");
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"Seeded [bold]{Name(options.Scale)}[/] (random seed {options.RandomSeed}, as of {options.AsOf:yyyy-MM-dd}) in {result.Elapsed.TotalSeconds:F1} s, {result.RowsPerSecond:N0} rows/s."));
    }

    private static string Name(SeedScale scale) => scale.ToString().ToLowerInvariant();

    /// <summary>Reports on the caller's thread, unlike <see cref="Progress{T}"/>, so updates never arrive out of order.</summary>
    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
