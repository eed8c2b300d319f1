using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using WorkforceGraph.Testing;

namespace WorkforceGraph.Api.Tests.Observability;

/// <summary>
/// The real host with <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set (to a port nothing listens on), so the host wires
/// OpenTelemetry as in production; the test adds in-memory exporters next to the OTLP one.
/// </summary>
public sealed class TelemetryApiFactory : WorkforceApiFactory
{
    public TelemetryApiFactory()
    {
        Settings["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:9";
        Settings["OTEL_EXPORTER_OTLP_TIMEOUT"] = "500";
    }

    /// <summary>Every span the host's tracer provider exported (parallel hosts share the sources: filter by trace).</summary>
    public LockedCollection<Activity> Spans { get; } = [];

    public List<Metric> Metrics { get; } = [];

    /// <summary>The spans exported so far.</summary>
    public List<Activity> SpansSnapshot() => Spans.Snapshot();

    /// <summary>Collects the metrics now and returns them.</summary>
    public List<Metric> CollectMetrics()
    {
        Metrics.Clear();
        Services.GetRequiredService<MeterProvider>().ForceFlush();
        return [.. Metrics];
    }

    /// <summary>Waits (at most 10 s) until a span matching the predicate was exported: the HTTP span ends after the response.</summary>
    public async Task<Activity> WaitForSpanAsync(Func<Activity, bool> predicate)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (SpansSnapshot().FirstOrDefault(predicate) is { } span)
            {
                return span;
            }

            await Task.Delay(50);
        }

        throw new Xunit.Sdk.XunitException("The expected span was never exported.");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans));
            services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(Metrics));
        });
    }
}

/// <summary>A collection the in-memory exporter can fill from many threads (spans end on any thread).</summary>
public sealed class LockedCollection<T> : System.Collections.ObjectModel.Collection<T>
{
    private readonly object _gate = new();

    public List<T> Snapshot()
    {
        lock (_gate)
        {
            return [.. Items];
        }
    }

    protected override void InsertItem(int index, T item)
    {
        lock (_gate)
        {
            base.InsertItem(index, item);
        }
    }

    protected override void ClearItems()
    {
        lock (_gate)
        {
            base.ClearItems();
        }
    }
}
