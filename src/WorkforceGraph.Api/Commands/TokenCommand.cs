using System.Globalization;
using WorkforceGraph.Api.Security;
using WorkforceGraph.Data.Regions;
using WorkforceGraph.Features.Security;

namespace WorkforceGraph.Api.Commands;

/// <summary>
/// <c>token --role &lt;role&gt; --region &lt;prefix&gt; [--scope &lt;scope&gt;]... [--minutes N] [--subject S]</c>: prints a
/// signed bearer token for Development (contracts.md), signed with the key the Development server uses.
/// </summary>
internal static class TokenCommand
{
    public const string Usage = "usage: token --role viewer|analyst|integrator|admin --region <code-prefix>|00 [--scope <scope>]... [--minutes N] [--subject <id>]";
    public const int DefaultMinutes = 480;

    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, string environment)
    {
        if (!string.Equals(environment, "Development", StringComparison.OrdinalIgnoreCase))
        {
            await Console.Error.WriteLineAsync($"token: mints Development tokens only (the environment is {environment}); production tokens come from your identity provider.");
            return 1;
        }

        if (!TryParse(args, out var caller, out var minutes, out var error))
        {
            await Console.Error.WriteLineAsync($"token: {error}");
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        var settings = AuthSettings.Read(configuration, isDevelopment: true);
        await Console.Out.WriteLineAsync(TokenIssuer.Issue(settings, caller, TimeSpan.FromMinutes(minutes)));
        return 0;
    }

    public static bool TryParse(string[] args, out Caller caller, out int minutes, out string? error)
    {
        caller = Caller.DevelopmentAnonymous;
        minutes = DefaultMinutes;
        error = null;
        string? role = null, region = null, subject = null;
        var scopes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (i + 1 >= args.Length || !name.StartsWith("--", StringComparison.Ordinal))
            {
                error = $"unexpected argument '{name}'";
                return false;
            }

            var value = args[++i];
            switch (name)
            {
                case "--role": role = value; break;
                case "--region": region = value; break;
                case "--subject": subject = value; break;
                case "--scope":
                    scopes.UnionWith(value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
                    break;
                case "--minutes" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is > 0 and <= 7 * 24 * 60:
                    minutes = m;
                    break;
                case "--minutes":
                    error = "--minutes must be a whole number from 1 to 10080 (a week)";
                    return false;
                default:
                    error = $"unknown option '{name}'";
                    return false;
            }
        }

        if (!WorkforceClaims.TryParseRole(role, out var parsedRole))
        {
            error = role is null ? "--role is required" : $"unknown role '{role}'";
            return false;
        }

        if (region is null)
        {
            error = "--region is required (00 for national)";
            return false;
        }

        if (!RegionScope.TryParse(region, out var scope, out var regionError))
        {
            error = regionError;
            return false;
        }

        caller = new Caller(subject ?? $"dev-{WorkforceClaims.RoleName(parsedRole)}-{scope}", parsedRole, scope, scopes);
        return true;
    }
}
