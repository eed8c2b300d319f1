using System.Diagnostics;

namespace WorkforceGraph.Benchmarks;

/// <summary>Latency percentiles in milliseconds (nearest rank).</summary>
internal sealed record Latency(int Count, double P50, double P99, double Mean)
{
    public static Latency From(List<double> milliseconds)
    {
        if (milliseconds.Count == 0)
        {
            return new Latency(0, double.NaN, double.NaN, double.NaN);
        }

        milliseconds.Sort();
        return new Latency(milliseconds.Count, Rank(milliseconds, 0.50), Rank(milliseconds, 0.99), milliseconds.Average());
    }

    private static double Rank(List<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}

/// <summary>Requests per second with <c>Clients</c> concurrent clients, bounded by a count and a time.</summary>
internal sealed record Throughput(int Clients, int Completed, int Failed, double Seconds, Latency Latency)
{
    public double RequestsPerSecond => Seconds > 0 ? Completed / Seconds : 0;
}

internal static class Measure
{
    /// <summary><paramref name="warmup"/> unmeasured calls, then <paramref name="count"/> sequential measured calls.</summary>
    public static async Task<Latency> SequentialAsync(Func<Task> call, int warmup, int count, CancellationToken cancellationToken)
    {
        for (var i = 0; i < warmup; i++)
        {
            await call();
        }

        var samples = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var start = Stopwatch.GetTimestamp();
            await call();
            samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return Latency.From(samples);
    }

    /// <summary>
    /// <paramref name="warmup"/> unmeasured rounds, then <paramref name="count"/> measured rounds in which every call runs once,
    /// in turn: the calls compared see the same moments of a shared machine's load, so their ratio holds when it varies.
    /// </summary>
    public static async Task<Latency[]> InterleavedAsync(IReadOnlyList<Func<Task>> calls, int warmup, int count, CancellationToken cancellationToken)
    {
        for (var i = 0; i < warmup; i++)
        {
            foreach (var call in calls)
            {
                await call();
            }
        }

        var samples = calls.Select(_ => new List<double>(count)).ToArray();
        for (var i = 0; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var c = 0; c < calls.Count; c++)
            {
                var start = Stopwatch.GetTimestamp();
                await calls[c]();
                samples[c].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        return [.. samples.Select(Latency.From)];
    }

    /// <summary>
    /// <paramref name="clients"/> loops share a budget of <paramref name="maxRequests"/> calls and stop when it is spent or
    /// <paramref name="duration"/> has passed. A failed call counts as failed and the loop goes on; the first failure is kept.
    /// </summary>
    public static async Task<(Throughput Result, Exception? FirstFailure)> ConcurrentAsync(
        Func<CancellationToken, Task> call, int clients, int maxRequests, TimeSpan duration, CancellationToken cancellationToken)
    {
        var issued = 0;
        var failed = 0;
        Exception? firstFailure = null;
        var samples = new List<double>[clients];
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(duration);
        var start = Stopwatch.GetTimestamp();
        var loops = Enumerable.Range(0, clients).Select(async client =>
        {
            var mine = samples[client] = [];
            while (!timer.IsCancellationRequested && Interlocked.Increment(ref issued) <= maxRequests)
            {
                var begin = Stopwatch.GetTimestamp();
                try
                {
                    await call(cancellationToken);
                    mine.Add(Stopwatch.GetElapsedTime(begin).TotalMilliseconds);
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    Interlocked.Increment(ref failed);
                    Interlocked.CompareExchange(ref firstFailure, e, null);
                }
            }
        }).ToArray();
        await Task.WhenAll(loops);
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var all = samples.SelectMany(s => s).ToList();
        return (new Throughput(clients, all.Count, failed, seconds, Latency.From(all)), firstFailure);
    }
}
