using System.Text;
using System.Text.Json.Nodes;
using WorkforceGraph.Testing;

namespace WorkforceGraph.Api.Tests.CommandLine;

/// <summary><c>token</c> (contracts.md): Development tokens that the server accepts.</summary>
public sealed class TokenCommandTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string> Development = new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["Auth__SigningKey"] = WorkforceApiFactory.TestSigningKey,
    };

    private readonly WorkforceApiFactory _factory = new() { Environment = "Production" };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_minted_token_carries_the_claims_and_is_accepted_by_the_server()
    {
        var (exitCode, stdout, stderr) = await CommandLineTests.RunWithEnvironmentAsync(
            Development, "token", "--role", "integrator", "--region", "3201", "--scope", "pii:read", "--minutes", "5");

        Assert.True(exitCode == 0, stderr);
        var token = stdout.Trim();
        var claims = JsonNode.Parse(Base64Url(token.Split('.')[1]))!;
        Assert.Equal("integrator", claims["role"]!.GetValue<string>());
        Assert.Equal("3201", claims["region"]!.GetValue<string>());
        Assert.Equal("pii:read", claims["scope"]!.GetValue<string>());
        Assert.Equal(300, claims["exp"]!.GetValue<long>() - claims["iat"]!.GetValue<long>());

        // The server outside Development accepts it (same key), and anonymous calls there are refused.
        var accepted = await _factory.GraphQL(token).PostAsync("{ __typename }");
        var anonymous = await _factory.GraphQL().PostAsync("{ __typename }");
        accepted.EnsureSuccess();
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, anonymous.Status);
    }

    [Theory]
    [InlineData("unknown role", "--role", "superuser", "--region", "32")]
    [InlineData("no region", "--role", "viewer")]
    [InlineData("malformed region", "--role", "viewer", "--region", "3x01")]
    [InlineData("not a province", "--role", "viewer", "--region", "99")]
    [InlineData("bad minutes", "--role", "viewer", "--region", "32", "--minutes", "0")]
    public async Task Bad_arguments_exit_with_2_and_the_usage(string name, params string[] args)
    {
        var (exitCode, stdout, stderr) = await CommandLineTests.RunWithEnvironmentAsync(Development, ["token", .. args]);

        Assert.True(exitCode == 2, name + ": " + stderr);
        Assert.Empty(stdout);
        Assert.Contains("usage: token", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_development_no_token_is_minted()
    {
        var production = new Dictionary<string, string>(Development) { ["ASPNETCORE_ENVIRONMENT"] = "Production" };

        var (exitCode, stdout, stderr) = await CommandLineTests.RunWithEnvironmentAsync(production, "token", "--role", "admin", "--region", "00");

        Assert.Equal(1, exitCode);
        Assert.Empty(stdout);
        Assert.Contains("Development tokens only", stderr, StringComparison.Ordinal);
    }

    private static string Base64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - (padded.Length % 4)) % 4);
        return Encoding.UTF8.GetString(Convert.FromBase64String(padded));
    }
}
