using System.Net;
using WorkforceGraph.Features.Tests.Infrastructure;
using WorkforceGraph.GraphQL.Conventions.NodeIds;
using WorkforceGraph.Testing;

namespace WorkforceGraph.Features.Tests.Nodes;

/// <summary>Global object identification (graphql-conventions.md §7).</summary>
public sealed class NodeLookupTests : IAsyncLifetime
{
    private readonly WorkforceApiFactory _factory = new();
    private SmallWorkforce _data = null!;

    public async Task InitializeAsync() => _data = await SmallWorkforce.CreateAsync(_factory);

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Ids_are_base64_of_type_and_key()
    {
        var response = await _factory.GraphQL().PostAsync("""{ community(code: "320102001001") { id } }""");

        var id = response.EnsureSuccess().Data!["community"]!["id"]!.GetValue<string>();
        Assert.Equal(Convert.ToBase64String("Community:"u8.ToArray().Concat(System.Text.Encoding.UTF8.GetBytes(_data.Meiyuan.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray()), id);
    }

    [Fact]
    public async Task Node_refetches_every_entity_type_by_its_id()
    {
        var query = """
            query($ids: [ID!]!) { nodes(ids: $ids) {
              __typename id
              ... on Region { code } ... on Community { code } ... on Worker { name } ... on Post { role }
              ... on Training { code } ... on TrainingRecord { passed } ... on Assessment { year }
            } }
            """;
        var ids = new[]
        {
            NodeId.Encode("Region", _data.County.Id), NodeId.Encode("Community", _data.Village.Id),
            NodeId.Encode("Worker", _data.Staff.Id), NodeId.Encode("Post", 1), NodeId.Encode("Training", 1),
            NodeId.Encode("TrainingRecord", 1), NodeId.Encode("Assessment", 1),
        };

        var response = await _factory.GraphQL().PostAsync(query, new { ids });

        var nodes = response.EnsureSuccess().Data!["nodes"]!.AsArray();
        Assert.Equal(["Region", "Community", "Worker", "Post", "Training", "TrainingRecord", "Assessment"], nodes.Select(n => n!["__typename"]!.GetValue<string>()));
        Assert.Equal(ids, nodes.Select(n => n!["id"]!.GetValue<string>()));
        Assert.Equal("320102000000", nodes[0]!["code"]!.GetValue<string>());
        Assert.Equal("李强", nodes[2]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Nodes_keep_input_order_and_give_null_for_unknown_rows_and_types()
    {
        var ids = new[] { NodeId.Encode("Worker", _data.Left.Id), NodeId.Encode("Worker", 999_999), NodeId.Encode("Spaceship", 1), NodeId.Encode("Worker", _data.Secretary.Id) };

        var response = await _factory.GraphQL().PostAsync("query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Worker { name } } }", new { ids });

        var nodes = response.EnsureSuccess().Data!["nodes"]!.AsArray();
        Assert.Equal("刘洋", nodes[0]!["name"]!.GetValue<string>());
        Assert.Null(nodes[1]);
        Assert.Null(nodes[2]);
        Assert.Equal("王秀英", nodes[3]!["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("V29ya2Vy")] // "Worker" without a colon
    [InlineData("V29ya2VyOmFiYw==")] // "Worker:abc"
    [InlineData("V29ya2VyOjA0Mg==")] // "Worker:042"
    public async Task A_malformed_id_is_INVALID_NODE_ID_with_the_original_value(string id)
    {
        var response = await _factory.GraphQL().PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("INVALID_NODE_ID", response.FirstErrorCode);
        Assert.Equal(id, response.Errors![0]!["extensions"]!["originalValue"]!.GetValue<string>());
        Assert.Null(response.Data!["node"]);
    }

    [Fact]
    public async Task One_malformed_id_fails_the_whole_nodes_field()
    {
        var response = await _factory.GraphQL().PostAsync(
            "query($ids: [ID!]!) { nodes(ids: $ids) { id } }", new { ids = new[] { NodeId.Encode("Worker", _data.Left.Id), "%%" } });

        Assert.Equal("INVALID_NODE_ID", response.FirstErrorCode);
        Assert.Null(response.Data);
    }

    [Fact]
    public async Task More_than_fifty_ids_is_400_HC0076_before_execution()
    {
        var ids = Enumerable.Range(1, 51).Select(i => NodeId.Encode("Worker", i)).ToArray();

        var response = await _factory.GraphQL().PostAsync("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", new { ids });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("HC0076", response.FirstErrorCode);
        Assert.Null(response.Data);
    }
}
