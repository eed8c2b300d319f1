using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using WorkforceGraph.GraphQL.Conventions.Diagnostics;

namespace WorkforceGraph.Api.Hosting;

/// <summary>
/// OpenTelemetry traces and metrics, exported over OTLP when the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set
/// (with the other standard <c>OTEL_*</c> settings: protocol, headers, service name, resource attributes). Without it
/// nothing is registered: no listener, no exporter, so the sources cost a "has listeners?" check.
/// </summary>
internal static class TelemetrySetup
{
    /// <summary>The standard OTLP endpoint setting (environment variable or any configuration source).</summary>
    public const string EndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The service name unless <c>OTEL_SERVICE_NAME</c> says otherwise.</summary>
    public const string ServiceName = "workforcegraph";

    private static readonly string[] UntracedPaths = ["/healthz", "/readyz"];

    public static WebApplicationBuilder AddWorkforceTelemetry(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration[EndpointKey]))
        {
            return builder;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing => tracing
                .AddSource(GraphQLTelemetry.SourceName)
                .AddAspNetCoreInstrumentation(options =>
                {
                    // Probes would drown the traces.
                    options.Filter = context => !UntracedPaths.Any(path => context.Request.Path.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase));
                    // A GET's query string is the GraphQL document and its variables: never an attribute, not even redacted.
                    options.EnrichWithHttpRequest = (activity, _) => activity.SetTag("url.query", null);
                    options.RecordException = false;
                }))
            .WithMetrics(metrics => metrics
                .AddMeter(GraphQLTelemetry.SourceName)
                .AddAspNetCoreInstrumentation())
            .UseOtlpExporter();
        return builder;
    }
}
