namespace WorkforceGraph.Api.Tests.Ide;

/// <summary>
/// A test that drives a real Chromium with node and playwright-core. Runs when <c>WORKFORCE_TEST_CHROMIUM</c> names the
/// browser (test.sh installs Debian's <c>chromium</c> and sets it, so the README's command never skips these, and a
/// missing browser then fails), or when <c>/usr/bin/chromium</c> and <c>node</c> are both there; a bare
/// <c>dotnet test</c> on a machine without them skips with this reason.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string ChromiumVariable = "WORKFORCE_TEST_CHROMIUM";

    /// <summary>The browser to drive: the variable's value, else Debian's chromium when present.</summary>
    public static readonly string? Chromium =
        Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } path ? path
        : File.Exists("/usr/bin/chromium") && OnPath("node") ? "/usr/bin/chromium"
        : null;

    public BrowserFactAttribute()
    {
        if (Chromium is null)
        {
            Skip = $"No Chromium and node: install Debian's chromium (apt-get install chromium) and node, or set {ChromiumVariable} (test.sh does both).";
        }
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, program)));
}
