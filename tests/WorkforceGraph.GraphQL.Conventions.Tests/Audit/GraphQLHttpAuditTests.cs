using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using WorkforceGraph.GraphQL.Conventions.Tests.Toy;
using WorkforceGraph.Testing.Audit;
using Xunit.Abstractions;

namespace WorkforceGraph.GraphQL.Conventions.Tests.Audit;

/// <summary>
/// Runs graphql-http's <c>auditServer</c> (tests/graphql-http-audit) against the toy schema on a real
/// Kestrel server: every MUST and SHOULD audit has to pass. Requires node and npm.
/// </summary>
public sealed class GraphQLHttpAuditTests
{
    private readonly ITestOutputHelper _output;

    public GraphQLHttpAuditTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Every_MUST_and_SHOULD_audit_passes()
    {
        await using var app = ToyHost.Build(configure: ToyHost.EnableIntrospection, useTestServer: false);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

        var report = await GraphQLHttpAudit.RunAsync(address + "/graphql");

        _output.WriteLine("graphql-http audit counts: " + report.Counts);
        foreach (var failure in report.Failures)
        {
            _output.WriteLine(failure);
        }

        Assert.Empty(report.Failures);
        Assert.True(report.MustOk > 0, "no MUST audit ran");
    }
}
