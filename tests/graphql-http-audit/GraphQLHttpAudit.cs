using System.Diagnostics;
using System.Text.Json;

namespace WorkforceGraph.Testing.Audit;

/// <summary>
/// Runs graphql-http's <c>auditServer</c> (audit.mjs beside this file) against an endpoint. Linked into every
/// test project that audits a server, so the toy host and the real API are audited by the same code.
/// </summary>
internal static class GraphQLHttpAudit
{
    /// <summary>Installs the npm packages when missing, runs the audit and returns its report.</summary>
    public static async Task<AuditReport> RunAsync(string endpointUrl)
    {
        var directory = FindDirectory();
        if (!Directory.Exists(Path.Combine(directory, "node_modules", "graphql-http")))
        {
            var (code, _, error) = await RunProcessAsync("npm", ["ci", "--no-audit", "--no-fund"], directory);
            if (code != 0)
            {
                throw new InvalidOperationException($"npm ci failed in {directory}: {error}");
            }
        }

        var (exitCode, stdout, stderr) = await RunProcessAsync("node", ["audit.mjs", endpointUrl], directory);
        if (exitCode is not (0 or 1))
        {
            throw new InvalidOperationException($"audit.mjs failed (exit {exitCode}): {stderr}");
        }

        using var report = JsonDocument.Parse(stdout);
        var counts = report.RootElement.GetProperty("counts").GetRawText();
        var failures = report.RootElement.GetProperty("results").EnumerateArray()
            .Where(r => r.GetProperty("level").GetString() != "MAY" && r.GetProperty("status").GetString() != "ok")
            .Select(r => r.GetRawText())
            .ToList();
        var mustOk = report.RootElement.GetProperty("counts").GetProperty("MUST").GetProperty("ok").GetInt32();
        var shouldOk = report.RootElement.GetProperty("counts").GetProperty("SHOULD").GetProperty("ok").GetInt32();
        return new AuditReport(counts, failures, mustOk, shouldOk);
    }

    private static string FindDirectory()
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

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunProcessAsync(string fileName, string[] arguments, string workingDirectory)
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

/// <summary>The audit's counts per level (JSON), the MUST/SHOULD results that were not ok, and the ok counts.</summary>
internal sealed record AuditReport(string Counts, IReadOnlyList<string> Failures, int MustOk, int ShouldOk);
