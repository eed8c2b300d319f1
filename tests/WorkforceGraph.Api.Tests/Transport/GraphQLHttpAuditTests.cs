using WorkforceGraph.Testing;
using WorkforceGraph.Testing.Audit;
using Xunit.Abstractions;

namespace WorkforceGraph.Api.Tests.Transport;

/// <summary>graphql-http's server audit against the real API on Kestrel: every MUST and SHOULD passes.</summary>
public sealed class GraphQLHttpAuditTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_MUST_and_SHOULD_audit_passes_against_the_api()
    {
        await using var factory = new WorkforceApiFactory();
        factory.UseKestrel(0);
        factory.StartServer();
        var endpoint = new Uri(factory.ClientOptions.BaseAddress, "/graphql").ToString();

        var report = await GraphQLHttpAudit.RunAsync(endpoint);

        output.WriteLine("graphql-http audit counts: " + report.Counts);
        Assert.True(report.Failures.Count == 0, string.Join(Environment.NewLine, report.Failures));
        Assert.True(report.MustOk > 0 && report.ShouldOk > 0, report.Counts);
    }
}
