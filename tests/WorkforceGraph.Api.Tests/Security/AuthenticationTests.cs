using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using WorkforceGraph.Api.Security;
using WorkforceGraph.Data.Regions;
using WorkforceGraph.Features.Security;
using WorkforceGraph.Testing;

namespace WorkforceGraph.Api.Tests.Security;

/// <summary>Bearer tokens and the Development allowance (contracts.md "Roles and scopes").</summary>
public sealed class AuthenticationTests : IAsyncLifetime
{
    private static readonly AuthSettings Settings = new(
        Convert.FromBase64String(WorkforceApiFactory.TestSigningKey), AuthSettings.DefaultIssuer, AuthSettings.DefaultIssuer);

    private readonly WorkforceApiFactory _production = new() { Environment = "Production" };
    private readonly WorkforceApiFactory _development = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _production.DisposeAsync();
        await _development.DisposeAsync();
    }

    public static TheoryData<string, string?> BadTokens()
    {
        var viewer = new Caller("platform-1", WorkforceRole.Viewer, RegionScope.Parse("3201"), new HashSet<string>());
        var otherKey = Settings with { SigningKey = Encoding.UTF8.GetBytes("another-key-another-key-another-key-0123") };
        return new TheoryData<string, string?>
        {
            { "none", null },
            { "garbage", "not.a.token" },
            { "other key", TokenIssuer.Issue(otherKey, viewer, TimeSpan.FromHours(1)) },
            { "expired", TokenIssuer.Issue(Settings, viewer, TimeSpan.FromMinutes(5), DateTime.UtcNow.AddHours(-2)) },
            { "not yet valid", TokenIssuer.Issue(Settings, viewer, TimeSpan.FromHours(1), DateTime.UtcNow.AddHours(2)) },
            { "other audience", TokenIssuer.Issue(Settings with { Audience = "someone-else" }, viewer, TimeSpan.FromHours(1)) },
            { "other issuer", TokenIssuer.Issue(Settings with { Issuer = "someone-else" }, viewer, TimeSpan.FromHours(1)) },
            { "unknown role", Custom(("sub", "x"), ("role", "root"), ("region", "32")) },
            { "no region claim", Custom(("sub", "x"), ("role", "admin")) },
            { "malformed region", Custom(("sub", "x"), ("role", "admin"), ("region", "32%")) },
            { "no subject", Custom(("role", "admin"), ("region", "00")) },
            { "unsigned", Unsigned() },
        };
    }

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Outside_development_a_call_without_a_valid_token_is_401(string name, string? token)
    {
        using var request = Request(token);
        using var response = await _production.CreateClient().SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{name}: {(int)response.StatusCode} {body}");
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"code\":\"AUTH_NOT_AUTHENTICATED\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\"data\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_development_a_valid_token_is_served()
    {
        var response = await _production.GraphQL(WorkforceApiFactory.Token("viewer", "3201")).PostAsync("{ regions { totalCount } }");

        Assert.Equal(0, response.EnsureSuccess().Data!["regions"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task In_development_an_anonymous_caller_is_a_national_analyst_but_a_bad_token_is_401()
    {
        var anonymous = await _development.GraphQL().PostAsync("{ regions { totalCount } piiReadAudits { totalCount } }");
        var badToken = await _development.GraphQL("not.a.token").PostAsync("{ __typename }");

        Assert.Equal(0, anonymous.Data!["regions"]!["totalCount"]!.GetValue<int>());
        Assert.Equal("AUTH_NOT_AUTHORIZED", anonymous.FirstErrorCode); // analyst, not admin
        Assert.Equal(HttpStatusCode.Unauthorized, badToken.Status);
        Assert.Equal("AUTH_NOT_AUTHENTICATED", badToken.FirstErrorCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("c2hvcnQ=")]
    [InlineData("not base64 at all")]
    public void Outside_development_the_server_refuses_to_start_without_a_proper_signing_key(string key)
    {
        using var factory = new WorkforceApiFactory { Environment = "Production" };
        factory.Settings["Auth:SigningKey"] = key;

        var error = Assert.ThrowsAny<InvalidOperationException>(() => factory.CreateClient());

        Assert.Contains("Auth:SigningKey", error.Message, StringComparison.Ordinal);
    }

    private static HttpRequestMessage Request(string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("{\"query\":\"{ __typename }\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    private static string Custom(params (string Type, string Value)[] claims) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value))),
            Issuer = Settings.Issuer,
            Audience = Settings.Audience,
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(Settings.SecurityKey, SecurityAlgorithms.HmacSha256),
        });

    private static string Unsigned() =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity([new Claim("sub", "x"), new Claim("role", "admin"), new Claim("region", "00")]),
            Issuer = Settings.Issuer,
            Audience = Settings.Audience,
            Expires = DateTime.UtcNow.AddHours(1),
        });
}
