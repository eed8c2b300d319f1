using System.Net;
using System.Text.Json.Nodes;
using WorkforceGraph.Features.Tests.Infrastructure;
using WorkforceGraph.Testing;

namespace WorkforceGraph.Features.Tests.Filtering;

/// <summary>
/// Bad <c>where</c>/<c>order</c> input answers with a coded error, never a 500 (graphql-conventions.md §2–§4, §7).
/// </summary>
public sealed class FilterErrorTests : IAsyncLifetime
{
    private readonly WorkforceApiFactory _factory = new();

    public async Task InitializeAsync() => await SmallWorkforce.CreateAsync(_factory);

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Theory]
    [InlineData("{ name: { like: \"x\" } }")]
    [InlineData("{ nickname: { eq: \"x\" } }")]
    [InlineData("{ gender: { eq: UNKNOWN } }")]
    [InlineData("{ gender: { contains: \"MA\" } }")]
    [InlineData("{ posts: { some: { role: { gt: PARTY_SECRETARY } } } }")]
    // Enum lists are [E!] (§3): a null item is invalid where the schema says so.
    [InlineData("{ socialWorkQualification: { in: [SENIOR, null] } }")]
    public async Task An_operation_or_field_the_schema_lacks_fails_validation(string where)
    {
        var response = await WorkersAsync($"where: {where}");

        Assert.True(response.Status == HttpStatusCode.BadRequest, response.Text);
        Assert.Null(response.Data);
        Assert.True(response.FirstErrorCode == "GRAPHQL_VALIDATION_FAILED", response.Text);
    }

    [Theory]
    [InlineData("where: { birthDate: { gt: 5 } }")]
    [InlineData("where: { birthDate: { eq: \"2025-02-30\" } }")]
    [InlineData("where: { name: { eq: 5 } }")]
    [InlineData("order: [{ birthDate: UP }]")]
    public async Task A_wrong_operand_type_is_rejected_before_execution_with_a_code(string arguments)
    {
        var response = await WorkersAsync(arguments);

        Assert.True(response.Status == HttpStatusCode.BadRequest, response.Text);
        Assert.Null(response.Data);
        Assert.False(string.IsNullOrEmpty(response.FirstErrorCode), response.Text);
    }

    [Theory]
    [InlineData("where: { birthDate: { eq: null } }")]
    [InlineData("where: { name: { neq: null } }")]
    [InlineData("where: { status: { eq: null } }")]
    [InlineData("where: { posts: { some: { grade: { eq: null } } } }")]
    [InlineData("where: { name: { contains: null } }")]
    [InlineData("where: { phone: { startsWith: null } }")]
    [InlineData("where: { birthDate: { gt: null } }")]
    [InlineData("where: { socialWorkQualification: { in: null } }")]
    [InlineData("order: [{ status: null }]")]
    [InlineData("order: [{ community: { name: null } }]")]
    public async Task Null_where_the_operation_takes_none_is_HC0026(string arguments)
    {
        var response = await WorkersAsync(arguments);

        Assert.True(response.Status == HttpStatusCode.OK, response.Text);
        Assert.True(response.FirstErrorCode == "HC0026", response.Text);
        Assert.Null(response.Data!["workers"]);
        Assert.Equal("workers", response.Errors![0]!["path"]![0]!.GetValue<string>());
    }

    [Theory]
    [InlineData("contains")]
    [InlineData("startsWith")]
    [InlineData("endsWith")]
    [InlineData("ncontains")]
    public async Task A_partial_match_on_the_id_number_is_refused_with_a_code(string operation)
    {
        // An ID number is matched exactly or not at all; a partial match would probe masked values (§3).
        var response = await WorkersAsync($"where: {{ idNumber: {{ {operation}: \"3201\" }} }}");

        Assert.NotEqual(HttpStatusCode.InternalServerError, response.Status);
        Assert.NotNull(response.FirstErrorCode);
        Assert.NotEqual("UNEXPECTED_EXECUTION_ERROR", response.FirstErrorCode);
    }

    [Fact]
    public async Task A_malformed_id_number_operand_matches_no_one()
    {
        var response = await WorkersAsync("where: { idNumber: { eq: \"not an id number\" } }");

        response.EnsureSuccess();
        Assert.Empty(response.Data!["workers"]!["nodes"]!.AsArray());
    }

    [Theory]
    [InlineData("x")]
    [InlineData("V29ya2Vy")]
    [InlineData("V29ya2VyOmFiYw==")]
    public async Task A_malformed_node_id_literal_is_a_field_error_INVALID_NODE_ID(string id)
    {
        // "x" is not base64; "Worker" has no colon; "Worker:abc" has no integer key.
        var response = await WorkersAsync($"where: {{ id: {{ eq: \"{id}\" }} }}");

        Assert.True(response.Status == HttpStatusCode.OK, response.Text);
        Assert.True(response.FirstErrorCode == "INVALID_NODE_ID", response.Text);
        Assert.Null(response.Data!["workers"]);
        // node(id:) calls the same IDs malformed.
        var node = await _factory.GraphQL().PostAsync($"{{ node(id: \"{id}\") {{ id }} }}");
        Assert.True(node.FirstErrorCode == "INVALID_NODE_ID", node.Text);
    }

    [Fact]
    public async Task A_malformed_node_id_in_variables_is_INVALID_NODE_ID()
    {
        var response = await _factory.GraphQL().PostAsync(
            "query($where: WorkerFilterInput) { workers(where: $where) { nodes { id } } }",
            JsonNode.Parse("""{ "where": { "id": { "in": ["x"] } } }"""));

        // §7 says IDs inside variables fail coercion (400); the filter decodes its ID operands when it
        // translates, so this is a field error (200). Either way: the code, never a 500.
        Assert.True(response.Status is HttpStatusCode.BadRequest or HttpStatusCode.OK, response.Text);
        Assert.True(response.FirstErrorCode == "INVALID_NODE_ID", response.Text);
    }

    [Fact]
    public async Task A_malformed_node_id_in_a_nested_filter_is_INVALID_NODE_ID()
    {
        var response = await WorkersAsync("where: { posts: { some: { community: { id: { in: [\"%%%\"] } } } } }");

        Assert.NotEqual(HttpStatusCode.InternalServerError, response.Status);
        Assert.True(response.FirstErrorCode == "INVALID_NODE_ID", response.Text);
    }

    // With pii:read, so that the operand rules of personal fields are what is tested.
    private Task<GraphQLResponse> WorkersAsync(string arguments) =>
        _factory.GraphQL(WorkforceApiFactory.Token("analyst", "00", "pii:read")).PostAsync($"{{ workers(first: 10, {arguments}) {{ nodes {{ id name }} }} }}");
}
