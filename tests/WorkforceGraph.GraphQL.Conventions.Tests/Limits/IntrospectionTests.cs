namespace WorkforceGraph.GraphQL.Conventions.Tests.Limits;

/// <summary>graphql-conventions.md §11 "Introspection": <c>GraphQL:Introspection</c> and the introspection depth limits.</summary>
public sealed class IntrospectionTests
{
    private const string Schema = "{ __schema { queryType { name } } }";

    private static Dictionary<string, string> Policy(string policy) => new() { ["GraphQL:Introspection"] = policy };

    [Fact]
    public async Task By_default_anonymous_callers_get_HC0046_and_authenticated_ones_introspect()
    {
        await using var client = await LimitsHost.StartAsync();

        var anonymous = await client.PostAsync(Schema);
        var type = await client.PostAsync("{ __type(name: \"Book\") { name } }");
        var authenticated = await client.PostAsync(Schema, user: "platform-1");

        Assert.Equal(400, anonymous.Status);
        Assert.Equal("HC0046", anonymous.Code());
        Assert.Null(anonymous.Body!["data"]);
        Assert.Equal("HC0046", type.Code());
        authenticated.AssertRan();
        Assert.Equal("Query", authenticated.Body!["data"]!["__schema"]!["queryType"]!["name"]!.ToString());
    }

    [Fact]
    public async Task Typename_always_works()
    {
        await using var client = await LimitsHost.StartAsync(Policy("Disabled"));

        var response = await client.PostAsync("{ __typename book(id: 1) { __typename id } }");

        response.AssertRan();
        Assert.Equal("Query", response.Body!["data"]!["__typename"]!.ToString());
    }

    [Fact]
    public async Task Disabled_refuses_authenticated_callers_too()
    {
        await using var client = await LimitsHost.StartAsync(Policy("Disabled"));

        Assert.Equal("HC0046", (await client.PostAsync(Schema, user: "platform-1")).Code());
    }

    [Fact]
    public async Task Enabled_lets_anonymous_callers_introspect()
    {
        await using var client = await LimitsHost.StartAsync(Policy("Enabled"));

        (await client.PostAsync(Schema)).AssertRan();
    }

    [Fact]
    public async Task Development_always_allows_introspection()
    {
        await using var client = await LimitsHost.StartAsync(Policy("Disabled"), environment: "Development");

        (await client.PostAsync(Schema)).AssertRan();
        Assert.Equal(200, (await client.GetAsync("/graphql?sdl", accept: null)).Status);
    }

    [Theory]
    [InlineData("/graphql?sdl")]
    [InlineData("/graphql/schema.graphql")]
    public async Task The_sdl_endpoints_obey_the_policy_with_404(string path)
    {
        await using var client = await LimitsHost.StartAsync();

        var anonymous = await client.GetAsync(path, accept: null);
        var authenticated = await client.GetAsync(path, accept: null, request => request.Headers.TryAddWithoutValidation(LimitsHost.TestUserHeader, "platform-1"));

        Assert.Equal(404, anonymous.Status);
        authenticated.AssertRan();
        Assert.StartsWith("schema {", authenticated.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_standard_introspection_query_fits_the_depth_limits()
    {
        await using var client = await LimitsHost.StartAsync(Policy("Enabled"));

        var response = await client.PostAsync(IntrospectionQuery);

        response.AssertRan();
    }

    [Fact]
    public async Task Sixteen_ofType_run_and_seventeen_are_HC0086()
    {
        await using var client = await LimitsHost.StartAsync(Policy("Enabled"));
        static string OfType(int count) =>
            "{ __type(name: \"Book\") { fields { type " + string.Concat(Enumerable.Repeat("{ ofType ", count)) + "{ name }" + new string('}', count) + " } } }";

        var under = await client.PostAsync(OfType(16));
        var over = await client.PostAsync(OfType(17));

        under.AssertRan();
        Assert.Equal(400, over.Status);
        Assert.Equal("HC0086", over.Code());
    }

    [Fact]
    public async Task A_recursive_introspection_list_twice_on_a_path_is_HC0086()
    {
        await using var client = await LimitsHost.StartAsync(Policy("Enabled"));

        var response = await client.PostAsync("{ __type(name: \"Book\") { fields { type { fields { name } } } } }");

        Assert.Equal(400, response.Status);
        Assert.Equal("HC0086", response.Code());
    }

    private const string IntrospectionQuery = """
        query IntrospectionQuery {
          __schema {
            queryType { name } mutationType { name } subscriptionType { name }
            types { ...FullType }
            directives { name description locations args { ...InputValue } }
          }
        }
        fragment FullType on __Type {
          kind name description
          fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
          inputFields { ...InputValue }
          interfaces { ...TypeRef }
          enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
          possibleTypes { ...TypeRef }
        }
        fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
        fragment TypeRef on __Type {
          kind name
          ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }
        }
        """;
}
