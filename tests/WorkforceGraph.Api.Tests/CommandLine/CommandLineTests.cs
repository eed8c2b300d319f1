using System.Diagnostics;

namespace WorkforceGraph.Api.Tests.CommandLine;

/// <summary>The command line as a user runs it: the built executable in a subprocess.</summary>
public sealed class CommandLineTests
{
    [Fact]
    public async Task Schema_export_writes_the_same_sdl_as_the_committed_file()
    {
        var output = Path.Combine(Path.GetTempPath(), $"wg-schema-{Guid.NewGuid():N}.graphql");
        try
        {
            var (exitCode, stdout, stderr) = await RunAsync("schema", "export", "--output", output);

            Assert.True(exitCode == 0, stderr);
            Assert.Contains("Wrote", stdout, StringComparison.Ordinal);
            Assert.Equal(await File.ReadAllTextAsync(Path.Combine(Schema.RepositoryRoot.Path, "schema", "schema.graphql")), await File.ReadAllTextAsync(output));
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public async Task An_unknown_command_exits_with_2_and_lists_the_commands()
    {
        var (exitCode, _, stderr) = await RunAsync("frobnicate");

        Assert.Equal(2, exitCode);
        Assert.Contains("Unknown command 'frobnicate'", stderr, StringComparison.Ordinal);
        Assert.Contains("schema", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schema_with_a_bad_argument_exits_with_2()
    {
        var (exitCode, _, stderr) = await RunAsync("schema", "export", "--bogus");

        Assert.Equal(2, exitCode);
        Assert.Contains("Usage", stderr, StringComparison.Ordinal);
    }

    internal static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args) =>
        RunWithEnvironmentAsync(new Dictionary<string, string>(), args);

    internal static async Task<(int ExitCode, string Stdout, string Stderr)> RunWithEnvironmentAsync(IDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "WorkforceGraph.Api.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
