using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace WorkforceGraph.Benchmarks;

/// <summary>
/// The real API as a separate process (WorkforceGraph.Api.dll on Kestrel), bound to 127.0.0.1 on a port
/// the OS picks, over the benchmark database (SQLite or PostgreSQL), with seeding off.
/// </summary>
internal sealed partial class ApiServer : IAsyncDisposable
{
    /// <summary>
    /// Development for now: the <c>X-Diagnostics: sql</c> header and anonymous access work only there
    /// (contracts.md). Once Production requires a bearer token, the harness must send one.
    /// </summary>
    public const string Environment = "Development";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private ApiServer(Process process) => _process = process;

    /// <summary>The GraphQL endpoint, known once Kestrel has bound its port.</summary>
    public Uri Endpoint { get; private set; } = new("http://127.0.0.1/graphql");

    public static string DefaultAssemblyPath() =>
        typeof(ApiServer).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "ApiAssemblyPath")?.Value
        ?? throw new BenchmarkException("the build did not record where WorkforceGraph.Api.dll is; pass --api-dll.");

    public static async Task<ApiServer> StartAsync(string apiAssembly, BenchDatabase database, CancellationToken cancellationToken)
    {
        if (!File.Exists(apiAssembly))
        {
            throw new BenchmarkException($"{apiAssembly} does not exist; build the API in the same configuration (dotnet build -c Release) or pass --api-dll.");
        }

        var start = new ProcessStartInfo
        {
            // dotnet run and the SDK set DOTNET_HOST_PATH to the muxer that runs us.
            FileName = System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet",
            WorkingDirectory = Path.GetDirectoryName(apiAssembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { apiAssembly, "--urls", "http://127.0.0.1:0" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = Environment;
        start.Environment["DOTNET_ENVIRONMENT"] = Environment;
        start.Environment["ConnectionStrings__Workforce"] = database.ApiConnectionString;
        start.Environment["Database__Provider"] = database.ProviderSetting;
        start.Environment["Seed__Scale"] = "none";
        // The load driver is one caller: the per-caller rate limit would measure itself.
        start.Environment["RateLimiting__RequestsPerMinute"] = "0";
        // No per-request logging in the measured path; the lifetime line carries the bound address.
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var server = new ApiServer(process);
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (server._log)
            {
                server._log.AppendLine(line);
            }

            var match = ListeningPattern().Match(line);
            if (match.Success)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value.TrimEnd('/') + "/graphql"));
            }
        }

        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.Exited += (_, _) => listening.TrySetException(new BenchmarkException("the API exited during start-up."));
        if (!process.Start())
        {
            throw new BenchmarkException($"could not start {start.FileName} {apiAssembly}.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            server.Endpoint = await listening.Task.WaitAsync(StartTimeout, cancellationToken);
            Console.WriteLine($"api: {apiAssembly} ({Environment}) serving {server.Endpoint} as pid {process.Id}");
            return server;
        }
        catch (Exception e) when (e is BenchmarkException or TimeoutException or OperationCanceledException)
        {
            var log = server.Log();
            await server.DisposeAsync();
            throw new BenchmarkException($"the API did not start ({e.Message}). Its output:\n{log}", e);
        }
    }

    public string Log()
    {
        lock (_log)
        {
            return _log.Length > 4000 ? _log.ToString(_log.Length - 4000, 4000) : _log.ToString();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // Never started, or already gone.
        }
        catch (TimeoutException)
        {
            await Console.Error.WriteLineAsync($"bench: the API process {_process.Id} did not exit within 10 s.");
        }

        _process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningPattern();
}
