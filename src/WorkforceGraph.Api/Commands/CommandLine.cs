namespace WorkforceGraph.Api.Commands;

/// <summary>Dispatches the command-line commands of contracts.md; anything else starts the server.</summary>
internal static class CommandLine
{
    private static readonly Dictionary<string, Func<string[], Task<int>>> Commands = new(StringComparer.Ordinal)
    {
        ["schema"] = SchemaCommand.RunAsync,
        ["seed"] = args => SeedCommand.RunAsync(args, Configuration(args), CancellationToken.None),
        ["export"] = args => ExportCommand.RunAsync(args, Configuration(args), CancellationToken.None),
        ["import"] = args => ImportCommand.RunAsync(args, Configuration(args), CancellationToken.None),
        ["operations"] = args => OperationsCommand.RunAsync(args, Configuration(args), CancellationToken.None),
        ["token"] = args => TokenCommand.RunAsync(args, Configuration(args), EnvironmentName()),
    };

    /// <summary>True when the first argument names a command (server options start with <c>--</c>).</summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && !args[0].StartsWith('-');

    public static async Task<int> RunAsync(string[] args)
    {
        if (!Commands.TryGetValue(args[0], out var command))
        {
            await Console.Error.WriteLineAsync($"Unknown command '{args[0]}'. Commands: {string.Join(", ", Commands.Keys.Order(StringComparer.Ordinal))}.");
            return 2;
        }

        return await command(args[1..]);
    }

    /// <summary>The hosting environment as the server would see it (Production unless an environment variable says).</summary>
    public static string EnvironmentName() =>
        Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
        ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? "Production";

    /// <summary>Builds configuration as the server does (appsettings, environment, command line).</summary>
    public static IConfiguration Configuration(string[] args)
    {
        var environment = EnvironmentName();
        return new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal)).ToArray())
            .Build();
    }
}
