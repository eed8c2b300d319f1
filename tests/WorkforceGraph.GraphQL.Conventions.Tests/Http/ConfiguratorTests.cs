using GraphQL;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using WorkforceGraph.GraphQL.Conventions.Errors;
using WorkforceGraph.GraphQL.Conventions.Http;
using WorkforceGraph.GraphQL.Conventions.Tests.Toy;

namespace WorkforceGraph.GraphQL.Conventions.Tests.Http;

/// <summary>Later features plug in through <see cref="IGraphQLRequestConfigurator"/>.</summary>
public sealed class ConfiguratorTests
{
    private sealed class StampingConfigurator : IGraphQLRequestConfigurator
    {
        public ValueTask ConfigureAsync(ExecutionOptions options, HttpContext httpContext)
        {
            options.UserContext["stamp"] = "first";
            return ValueTask.CompletedTask;
        }

        public ValueTask OnResultAsync(ExecutionResult result, HttpContext httpContext)
        {
            result.Extensions ??= new Dictionary<string, object?>();
            result.Extensions["diagnostics"] = new Dictionary<string, object?> { ["seen"] = true };
            return ValueTask.CompletedTask;
        }
    }

    private sealed class SecondConfigurator : IGraphQLRequestConfigurator
    {
        public ValueTask ConfigureAsync(ExecutionOptions options, HttpContext httpContext)
        {
            // Runs after StampingConfigurator: registration order.
            if (!Equals(options.UserContext["stamp"], "first"))
            {
                throw new InvalidOperationException("Configurators ran out of order.");
            }

            if (httpContext.Request.Headers.ContainsKey("X-Refuse"))
            {
                httpContext.Response.Headers.WWWAuthenticate = "Bearer";
                throw new GraphQLRequestRejectedException(401, new CodedExecutionError("AUTH_NOT_AUTHENTICATED", "The caller is not authenticated."));
            }

            options.Query ??= "{ book(id: 1) { title } }"; // as a persisted-operation lookup would
            return ValueTask.CompletedTask;
        }
    }

    private static Task<GraphQLHttpClient> StartAsync() =>
        GraphQLHttpClient.StartAsync(ToyHost.Build(configure: b => b.Services
            .AddGraphQLRequestConfigurator<StampingConfigurator>()
            .AddGraphQLRequestConfigurator<SecondConfigurator>()));

    [Fact]
    public async Task Configurators_run_in_order_and_may_supply_the_query_and_extensions()
    {
        await using var client = await StartAsync();
        var response = await client.PostJsonAsync("""{"extensions":{"persistedQuery":{"sha256Hash":"abc"}}}""");

        Assert.Equal(200, response.Status);
        Assert.Equal("The Dispossessed", response.Body!["data"]!["book"]!["title"]!.ToString());
        Assert.True(response.Body["extensions"]!["diagnostics"]!["seen"]!.Value<bool>());
    }

    [Fact]
    public async Task A_configurator_can_reject_a_request()
    {
        await using var client = await StartAsync();
        var response = await client.SendAsync(HttpMethod.Post, "/graphql", GraphQLHttpClient.GraphQLResponseJson,
            new StringContent("""{"query":"{ books { id } }"}""", System.Text.Encoding.UTF8, "application/json"),
            r => r.Headers.Add("X-Refuse", "1"));

        Assert.Equal(401, response.Status);
        Assert.Equal("AUTH_NOT_AUTHENTICATED", response.Body!["errors"]![0]!["extensions"]!["code"]!.ToString());
        Assert.Null(response.Body["data"]);
    }
}
