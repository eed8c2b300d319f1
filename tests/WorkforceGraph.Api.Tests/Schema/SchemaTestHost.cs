using GraphQL.Types;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WorkforceGraph.Features;

namespace WorkforceGraph.Api.Tests.Schema;

/// <summary>The schema built from code, as the server builds it, without a database.</summary>
internal static class SchemaTestHost
{
    private static readonly Lazy<ISchema> Built = new(() =>
    {
        var provider = new ServiceCollection().AddLogging().AddWorkforceSchema(new ConfigurationBuilder().Build()).BuildServiceProvider();
        var schema = provider.GetRequiredService<ISchema>();
        schema.Initialize();
        return schema;
    });

    public static ISchema Schema => Built.Value;
}

/// <summary>Finds the repository root (the folder holding WorkforceGraph.sln) from the test's output folder.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "WorkforceGraph.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("WorkforceGraph.sln not found above " + AppContext.BaseDirectory);
    }
}
