using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using WorkforceGraph.GraphQL.Conventions.Tests.Toy;
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
        var auditDirectory = FindAuditDirectory();
        if (!Directory.Exists(Path.Combine(auditDirectory, "node_modules", "graphql-http")))
        {
            var (code, _, error) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], auditDirectory);
            Assert.True(code == 0, $"npm ci failed in {auditDirectory}: {error}");
        }

        await using var app = ToyHost.Build(useTestServer: false);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

        var (exitCode, stdout, stderr) = await RunAsync("node", ["audit.mjs", address + "/graphql"], auditDirectory);
        Assert.True(exitCode is 0 or 1, $"audit.mjs failed (exit {exitCode}): {stderr}");

        using var report = JsonDocument.Parse(stdout);
        var counts = report.RootElement.GetProperty("counts");
        _output.WriteLine("graphql-http audit counts: " + counts.GetRawText());
        var failures = report.RootElement.GetProperty("results").EnumerateArray()
            .Where(r => r.GetProperty("level").GetString() != "MAY" && r.GetProperty("status").GetString() != "ok")
            .Select(r => r.GetRawText())
            .ToList();
        foreach (var failure in failures)
        {
            _output.WriteLine(failure);
        }

        Assert.Empty(failures);
        Assert.True(counts.GetProperty("MUST").GetProperty("ok").GetInt32() > 0, "no MUST audit ran");
    }

    private static string FindAuditDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "graphql-http-audit");
            if (File.Exists(Path.Combine(candidate, "audit.mjs")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/graphql-http-audit not found above " + AppContext.BaseDirectory);
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string fileName, string[] arguments, string workingDirectory)
    {
        var startInfo = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(startInfo)!;
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException($"'{fileName}' is required for the graphql-http audit (install Node.js and npm).", exception);
        }

        using (process)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await stdout, await stderr);
        }
    }
}
