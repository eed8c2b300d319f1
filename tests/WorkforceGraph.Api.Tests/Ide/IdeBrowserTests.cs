using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using WorkforceGraph.Testing;
using Xunit.Abstractions;

namespace WorkforceGraph.Api.Tests.Ide;

/// <summary>
/// contracts.md: <c>GET /graphql</c> in a browser is the Banana Cake Pop IDE, working offline. A real Chromium
/// (tests/ide-browser/ide-check.mjs, playwright-core) opens it on the real API served by Kestrel on a loopback port,
/// waits for the IDE to introspect this server, types a query into the editor, runs it and reads the response panel.
/// The screenshot is kept under artifacts/ide/ for CI.
/// </summary>
public sealed class IdeBrowserTests(ITestOutputHelper output)
{
    [BrowserFact]
    public async Task The_ide_loads_introspects_this_server_and_runs_a_query_without_leaving_the_origin()
    {
        await using var factory = new WorkforceApiFactory();
        factory.UseKestrel(0);
        factory.StartServer();
        await factory.WithDbAsync(db =>
        {
            var b = new WorkforceBuilder(db);
            var province = b.Province("32", "江苏省");
            b.Prefecture(province, "3201", "南京市");
            return Task.CompletedTask;
        });
        var origin = factory.ClientOptions.BaseAddress.GetLeftPart(UriPartial.Authority);
        var screenshot = Path.Combine(RepositoryRoot(), "artifacts", "ide", "banana-cake-pop.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        File.Delete(screenshot);

        var report = await RunIdeCheckAsync(origin, screenshot);

        output.WriteLine(report.ToJsonString(new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.True(report["failure"] is null, $"The browser run stopped at: {report["failure"]}");
        Assert.Empty(Strings(report["pageErrors"]));
        Assert.Empty(Strings(report["consoleErrors"]));
        Assert.Empty(Strings(report["foreignRequests"]));
        Assert.True(report["requestCount"]!.GetValue<int>() > 10, "The page made almost no requests: was the IDE served?");

        var introspection = report["introspection"]!;
        Assert.Equal($"{origin}/graphql", introspection["url"]!.GetValue<string>());
        Assert.Equal(200, introspection["status"]!.GetValue<int>());
        Assert.True(introspection["hasWorker"]!.GetValue<bool>() && introspection["hasWorkforceStatistics"]!.GetValue<bool>(), "The introspected schema is not this API's.");

        var run = report["run"]!;
        Assert.Equal(200, run["status"]!.GetValue<int>());
        Assert.Null(run["errors"]);
        var names = run["data"]!["regions"]!["nodes"]!.AsArray().Select(n => n!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(["江苏省", "南京市"], names);
        var panel = report["responsePanel"]!.GetValue<string>();
        Assert.Contains("\"320000000000\"", panel, StringComparison.Ordinal);
        Assert.Contains("南京市", panel, StringComparison.Ordinal);
        Assert.True(new FileInfo(screenshot).Length > 10_000, "No screenshot was saved.");
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node!.AsArray().Select(n => n!.GetValue<string>());

    /// <summary>Installs playwright-core from the lock file when missing, then runs ide-check.mjs and parses its report.</summary>
    private static async Task<JsonObject> RunIdeCheckAsync(string origin, string screenshot)
    {
        var directory = Path.Combine(RepositoryRoot(), "tests", "ide-browser");
        if (!Directory.Exists(Path.Combine(directory, "node_modules", "playwright-core")))
        {
            var install = await RunProcessAsync("npm", ["ci", "--no-audit", "--no-fund"], directory, TimeSpan.FromMinutes(5));
            Assert.True(install.ExitCode == 0, $"npm ci failed in {directory}: {install.Stderr}");
        }

        var environment = new Dictionary<string, string> { ["CHROMIUM"] = BrowserFactAttribute.Chromium! };
        var result = await RunProcessAsync("node", ["ide-check.mjs", origin, screenshot], directory, TimeSpan.FromMinutes(10), environment);
        Assert.True(result.ExitCode == 0, $"ide-check.mjs failed (exit {result.ExitCode}): {result.Stderr}");
        return JsonNode.Parse(result.Stdout)!.AsObject();
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "WorkforceGraph.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("WorkforceGraph.sln not found above " + AppContext.BaseDirectory);
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunProcessAsync(
        string fileName, string[] arguments, string workingDirectory, TimeSpan timeout, IDictionary<string, string>? environment = null)
    {
        var startInfo = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        using var process = Process.Start(startInfo)!;
        using var cancellation = new CancellationTokenSource(timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellation.Token);
        var stderr = process.StandardError.ReadToEndAsync(cancellation.Token);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within {timeout}.");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
