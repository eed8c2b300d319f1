using System.Net;
using WorkforceGraph.Testing;

namespace WorkforceGraph.Api.Tests.Health;

public sealed class HealthTests : IAsyncLifetime
{
    private readonly WorkforceApiFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Healthz_answers_200_when_the_database_answers()
    {
        using var response = await _factory.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
