using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using WorkforceGraph.GraphQL.Conventions.Http;
using WorkforceGraph.GraphQL.Conventions.NodeIds;
using WorkforceGraph.GraphQL.Conventions.Tests.Toy.Catalog;
using WorkforceGraph.GraphQL.Conventions.Types;

namespace WorkforceGraph.GraphQL.Conventions.Tests.Execution;

/// <summary>
/// <see cref="Conventions.Execution.ProjectedExecutionStrategy"/>: lists of plain fields are completed in one pass, and
/// every response is byte for byte the one GraphQL.NET's own parallel strategy writes for the same request.
/// </summary>
public sealed class ProjectedExecutionTests : IAsyncLifetime
{
    private LibraryHost _projected = null!;
    private LibraryHost _ordinary = null!;

    public async Task InitializeAsync()
    {
        _projected = await LibraryHost.StartAsync();
        // GraphQL.NET's default for queries: ParallelExecutionStrategy, one node per value.
        _ordinary = await LibraryHost.StartAsync(builder => builder.Services.RemoveAll<ExecutionStrategyRegistration>());
    }

    public async Task DisposeAsync()
    {
        await _projected.DisposeAsync();
        await _ordinary.DisposeAsync();
    }

    public static TheoryData<string, string?> Queries => new()
    {
        // Every scalar kind, nulls, node IDs and __typename.
        { "{ authors(first: 20) { nodes { id __typename name birthYear rating active since genre nickname } } }", null },
        // Aliases, named and inline fragments, @skip/@include from variables, a field selected twice.
        {
            "query($skip: Boolean!, $include: Boolean!) { authors(first: 20, order: [{ name: ASC }]) { nodes { key: id ...F ... on Author { n: name rating } name @skip(if: $skip) since @include(if: $include) rating } } } fragment F on Author { genre nickname }",
            """{ "skip": true, "include": false }"""
        },
        {
            "query($skip: Boolean!, $include: Boolean!) { authors(first: 20, order: [{ name: ASC }]) { nodes { key: id ...F ... on Author { n: name rating } name @skip(if: $skip) since @include(if: $include) rating } } } fragment F on Author { genre nickname }",
            """{ "skip": false, "include": true }"""
        },
        // A joined relation, selected twice with different sub-selections (merged by field collection).
        { "{ books(first: 30, order: [{ title: ASC }]) { nodes { title published author { name } author { id genre birthYear } } } }", null },
        // Child lists loaded by a batch loader: the second level is completed in one pass too.
        { "{ authors(first: 20) { nodes { name books { title pages published author { name } } } } }", null },
        // Fields that are not plain (computed in SQL, computed relation, nested connection): the ordinary way.
        { "{ authors(first: 20) { nodes { name bookCount latestBook { title } bookPage(first: 2) { nodes { title } } } } }", null },
        // Edges and cursors (objects, not plain lists) with plain nodes inside.
        { "{ books(first: 5) { edges { cursor node { id title author { name } } } pageInfo { hasNextPage endCursor } } }", null },
        // Edges whose node selects a field that is not plain: the edges run the ordinary way.
        { "{ authors(first: 5, order: [{ name: DESC }]) { edges { cursor node { name bookCount books { title } } } } }", null },
        // The second page through an edge cursor.
        { "{ books(first: 4, after: \"" + "CURSOR" + "\") { edges { node { title } cursor } } }", null },
        // Filtered and sorted pages.
        { """{ books(first: 10, where: { pages: { gte: 200 } }, order: [{ published: DESC }]) { totalCount nodes { title pages author { nickname } } } }""", null },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task The_response_is_the_one_graphql_net_writes(string query, string? variables)
    {
        var values = variables is null ? null : Newtonsoft.Json.JsonConvert.DeserializeObject<Dictionary<string, object?>>(variables);

        if (query.Contains("CURSOR", StringComparison.Ordinal))
        {
            var first = await _ordinary.DataAsync("{ books(first: 4) { edges { cursor } } }");
            query = query.Replace("CURSOR", first["books"]!["edges"]![3]!["cursor"]!.ToString(), StringComparison.Ordinal);
        }

        var projected = await _projected.PostRawAsync(query, values);
        var ordinary = await _ordinary.PostRawAsync(query, values);

        Assert.DoesNotContain("\"errors\"", ordinary, StringComparison.Ordinal);
        Assert.Equal(ordinary, projected);
    }

    [Fact]
    public async Task A_list_of_plain_fields_is_completed_without_a_node_per_value()
    {
        var nodes = await NodesAsync(_projected, "{ authors(first: 20) { nodes { id name genre since } } }");

        Assert.Null(nodes.Items);
        var items = Assert.IsAssignableFrom<System.Collections.IEnumerable>(nodes.SerializedResult).Cast<IReadOnlyDictionary<string, object?>>().ToList();
        Assert.Equal(20, items.Count);
        // Read as GraphQL.NET's result dictionaries: the values the scalars serialized.
        var first = LibrarySeed.Authors().OrderBy(a => a.Id).First();
        Assert.Equal(NodeId.Encode("Author", first.Id), items[0]["id"]);
        Assert.Equal(first.Name, items[0]["name"]);
        Assert.Equal("POETRY", items[0]["genre"]);
        Assert.Equal(["id", "name", "genre", "since"], items[0].Keys);
    }

    [Fact]
    public async Task A_list_of_edges_over_plain_nodes_is_completed_in_one_pass()
    {
        var edges = await ListAsync(_projected, "{ authors(first: 20) { edges { cursor node { id name } } } }", "edges");

        Assert.Null(edges.Items);
        var items = Assert.IsAssignableFrom<System.Collections.IEnumerable>(edges.SerializedResult).Cast<IReadOnlyDictionary<string, object?>>().ToList();
        Assert.Equal(20, items.Count);
        Assert.Equal(["cursor", "node"], items[0].Keys);
        var node = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(items[0]["node"]);
        Assert.Equal(NodeId.Encode("Author", 1), node["id"]);
    }

    [Fact]
    public async Task A_list_with_a_field_that_is_not_plain_runs_the_ordinary_way()
    {
        var nodes = await NodesAsync(_projected, "{ authors(first: 20) { nodes { id name bookCount } } }");

        Assert.NotNull(nodes.Items);
        Assert.Equal(20, nodes.Items!.Count);
    }

    [Fact]
    public async Task A_field_whose_resolver_was_replaced_is_not_plain()
    {
        // Masking resolvers are set with Resolve() after Column(): the mark names the resolver it was made for.
        using var provider = PetProvider(projected: true);
        var schema = provider.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var pet = (IComplexGraphType)schema.AllTypes["Pet"]!;

        Assert.NotNull(Conventions.Execution.PlainField.Of(pet.GetField("name")!));
        Assert.Null(Conventions.Execution.PlainField.Of(pet.GetField("secret")!));
        Assert.Equal("***", (await ExecuteAsync(provider, "{ pets { secret } }"))["data"]!["pets"]![0]!["secret"]!.ToString());
    }

    [Theory]
    [InlineData("{ pets { id name } }")]
    [InlineData("{ pets { name tag } }")]
    [InlineData("{ strictPets { name } }")]
    [InlineData("{ pets { name friend { name } } }")]
    public async Task A_null_where_the_schema_forbids_one_is_the_same_error_and_the_same_null_propagation(string query)
    {
        // Pet 2 has no name although `name` is String!: the list cannot be completed in one pass.
        using var projected = PetProvider(projected: true);
        using var ordinary = PetProvider(projected: false);

        var fast = await ExecuteAsync(projected, query);
        var slow = await ExecuteAsync(ordinary, query);

        Assert.Equal(slow.ToString(), fast.ToString());
        Assert.NotNull(fast["errors"]);
    }

    [Fact]
    public async Task Plain_pets_with_nulls_where_allowed_are_completed_in_one_pass_and_written_the_same()
    {
        using var projected = PetProvider(projected: true);
        using var ordinary = PetProvider(projected: false);
        const string query = "{ goodPets { id name tag friend { name tag } } }";

        var fast = await ExecuteAsync(projected, query);
        var slow = await ExecuteAsync(ordinary, query);

        Assert.Null(fast["errors"]);
        Assert.Equal(slow.ToString(), fast.ToString());
        Assert.Equal("null", fast["data"]!["goodPets"]![1]!["friend"]!.ToString(Newtonsoft.Json.Formatting.None));
    }

    [Fact]
    public async Task A_lazy_sequence_is_enumerated_once_even_when_the_list_falls_back()
    {
        using var projected = PetProvider(projected: true);
        var before = PetQuery.LazyEnumerations;

        var body = await ExecuteAsync(projected, "{ lazyPets { name } }");

        Assert.Equal(before + 1, PetQuery.LazyEnumerations);
        Assert.NotNull(body["errors"]);
    }

    [Theory]
    [InlineData("mutation { adoptPets { id __typename name tag friend { name tag } } }")]
    [InlineData("mutation { adoptPets { name } again: adoptPets { id } }")]
    [InlineData("mutation { adoptBadPets { name tag } }")]
    public async Task Lists_in_a_mutation_payload_are_written_as_graphql_net_writes_them(string mutation)
    {
        using var projected = PetProvider(projected: true);
        using var ordinary = PetProvider(projected: false);

        var fast = await ExecuteAsync(projected, mutation);
        var slow = await ExecuteAsync(ordinary, mutation);

        Assert.Equal(slow.ToString(), fast.ToString());
    }

    [Fact]
    public async Task A_mutation_list_of_plain_fields_is_completed_in_one_pass()
    {
        using var projected = PetProvider(projected: true);
        var provider = projected.Services;

        var result = await RunAsync(provider, provider, "mutation { adoptPets { id name } }");

        var root = Assert.IsAssignableFrom<ObjectExecutionNode>(result.Data);
        var list = Assert.IsType<ArrayExecutionNode>(Assert.Single(root.SubFields!));
        Assert.Null(list.Items);
        Assert.Equal(2, Assert.IsAssignableFrom<System.Collections.IEnumerable>(list.SerializedResult).Cast<object>().Count());
    }

    private static Task<ArrayExecutionNode> NodesAsync(LibraryHost host, string query) => ListAsync(host, query, "nodes");

    private static async Task<ArrayExecutionNode> ListAsync(LibraryHost host, string query, string list)
    {
        await using var scope = host.App.Services.CreateAsyncScope();
        var result = await RunAsync(host.App.Services, scope.ServiceProvider, query);
        Assert.True(result.Errors is null or { Count: 0 });
        var root = Assert.IsAssignableFrom<ObjectExecutionNode>(result.Data);
        var connection = Assert.IsAssignableFrom<ObjectExecutionNode>(Assert.Single(root.SubFields!));
        return Assert.IsType<ArrayExecutionNode>(connection.SubFields!.Single(n => n.Name == list));
    }

    private static IHost PetProvider(bool projected)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development" });
        var services = builder.Services;
        services.AddGraphQLHttp();
        services.AddGraphQL(b => b
            .AddSchema<PetSchema>()
            .AddGraphTypes(typeof(PetSchema).Assembly)
            .AddGraphTypes(typeof(NodeInterfaceGraphType).Assembly));
        if (!projected)
        {
            services.RemoveAll<ExecutionStrategyRegistration>();
        }

        return builder.Build();
    }

    // In process, without HTTP, so that the execution nodes can be inspected.
    private static Task<ExecutionResult> RunAsync(IServiceProvider services, IServiceProvider requestServices, string query) =>
        services.GetRequiredService<IDocumentExecuter>().ExecuteAsync(new ExecutionOptions
        {
            Schema = services.GetRequiredService<ISchema>(),
            Query = query,
            RequestServices = requestServices,
        });

    private static async Task<Newtonsoft.Json.Linq.JObject> ExecuteAsync(IHost host, string query)
    {
        var result = await RunAsync(host.Services, host.Services, query);
        var text = host.Services.GetRequiredService<IGraphQLTextSerializer>().Serialize(result);
        return Newtonsoft.Json.Linq.JObject.Parse(text);
    }
}

public sealed class Pet
{
    public int Id { get; set; }

    public string? Name { get; set; }

    public string? Tag { get; set; }

    public string? Secret { get; set; }

    public int? FriendId { get; set; }

    public Pet? Friend { get; set; }
}

public sealed class PetGraphType : EntityGraphType<Pet>
{
    public PetGraphType()
        : base("Pet", "A pet held in memory.")
    {
        Column(p => p.Name!).Description("Never null in the schema; null in one row on purpose.");
        Column(p => p.Tag, nullable: true).Description("Optional.");
        Column(p => p.Secret, nullable: true).Description("Masked by its own resolver.").Resolve(_ => "***");
        Reference<PetGraphType, Pet>("friend", p => p.Friend, p => p.FriendId, nullable: true).Description("Another pet.");
    }
}

public sealed class PetQuery : ObjectGraphType<object>
{
    private static readonly Pet Rex = new() { Id = 1, Name = "Rex", Tag = "a" };

    public PetQuery()
    {
        Name = "Query";
        Field<ListGraphType<NonNullGraphType<PetGraphType>>>("pets").Resolve(_ => Pets());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PetGraphType>>>>("strictPets").Resolve(_ => Pets());
        Field<ListGraphType<NonNullGraphType<PetGraphType>>>("lazyPets").Resolve(_ => LazyPets());
        Field<ListGraphType<NonNullGraphType<PetGraphType>>>("goodPets").Resolve(_ => new[]
        {
            new Pet { Id = 3, Name = "Fido", Tag = null, FriendId = 1, Friend = Rex },
            new Pet { Id = 4, Name = "Tom", Tag = "c" },
        });
    }

    private static int _lazyEnumerations;

    public static int LazyEnumerations => Volatile.Read(ref _lazyEnumerations);

    private static IEnumerable<Pet> LazyPets()
    {
        Interlocked.Increment(ref _lazyEnumerations);
        foreach (var pet in Pets())
        {
            yield return pet;
        }
    }

    private static Pet[] Pets() =>
    [
        Rex,
        new Pet { Id = 2, Name = null, Tag = "b", FriendId = 1, Friend = Rex },
    ];
}

public sealed class PetMutation : ObjectGraphType<object>
{
    public PetMutation()
    {
        Name = "Mutation";
        Field<ListGraphType<NonNullGraphType<PetGraphType>>>("adoptPets").Resolve(_ => new List<Pet>
        {
            new() { Id = 5, Name = "Bo", Tag = null, FriendId = 6, Friend = new Pet { Id = 6, Name = "Max", Tag = "m" } },
            new() { Id = 6, Name = "Max", Tag = "m" },
        });
        Field<ListGraphType<NonNullGraphType<PetGraphType>>>("adoptBadPets").Resolve(_ => new List<Pet>
        {
            new() { Id = 7, Name = "Ok", Tag = "o" },
            new() { Id = 8, Name = null, Tag = "n" },
        });
    }
}

public sealed class PetSchema : Schema
{
    public PetSchema(IServiceProvider services, PetQuery query, PetMutation mutation)
        : base(services)
    {
        Query = query;
        Mutation = mutation;
    }
}
