using GraphQL;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WorkforceGraph.GraphQL.Conventions.Http;

namespace WorkforceGraph.GraphQL.Conventions.Tests.Toy;

/// <summary>Builds a web host serving the toy schema through the conventions' endpoint.</summary>
public static class ToyHost
{
    /// <summary>Lets anonymous callers introspect outside Development (<c>GraphQL:Introspection = Enabled</c>).</summary>
    public static void EnableIntrospection(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Configuration["GraphQL:Introspection"] = "Enabled";
    }

    public static WebApplication Build(
        string environment = "Production",
        Action<WebApplicationBuilder>? configure = null,
        bool useTestServer = true)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseKestrelCore();
        builder.Services.AddRoutingCore();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (useTestServer)
        {
            builder.WebHost.UseTestServer();
        }
        else
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }

        builder.Services.AddGraphQLHttp();
        builder.Services.AddGraphQL(b => b
            .AddSchema<BookSchema>()
            .AddGraphTypes(typeof(BookSchema).Assembly));
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseRouting();
        app.MapGraphQLEndpoint();
        return app;
    }
}
