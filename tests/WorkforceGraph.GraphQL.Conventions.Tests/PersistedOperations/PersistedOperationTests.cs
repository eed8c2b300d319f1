using System.Security.Claims;
using System.Text.Json;
using GraphQL;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WorkforceGraph.GraphQL.Conventions.Execution;
using WorkforceGraph.GraphQL.Conventions.Http;
using WorkforceGraph.GraphQL.Conventions.PersistedOperations;
using WorkforceGraph.GraphQL.Conventions.Tests.Http;
using WorkforceGraph.GraphQL.Conventions.Tests.Toy;

namespace WorkforceGraph.GraphQL.Conventions.Tests.PersistedOperations;

/// <summary>
/// Operations by id (the request's <c>id</c>) and by APQ hash (<c>extensions.persistedQuery.sha256Hash</c>), the store
/// of published operations, and the "stored operations only" switch.
/// </summary>
public sealed class PersistedOperationTests : IAsyncLifetime
{
    private const string Books = "{ books { id title } }";
    private const string BookById = "query($id: Int!) { book(id: $id) { title } }";
    private const string AddBook = """mutation { addBook(input: {title: "Stored", published: "2020-01-01"}) { id } }""";

    private readonly string _store = Path.Combine(Path.GetTempPath(), "wg-operations-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;

    public async Task InitializeAsync()
    {
        foreach (var document in new[] { Books, BookById, AddBook })
        {
            await FileSystemPersistedOperationStore.PublishAsync(_store, document, CancellationToken.None);
        }
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_store, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_stored_operation_runs_by_id_and_answers_as_its_text_does()
    {
        await using var client = await StartAsync();

        var byText = await client.PostJsonAsync(Json(new { query = Books }));
        var byId = await client.PostJsonAsync(Json(new { id = OperationId.Of(Books) }));
        var byDraftId = await client.PostJsonAsync(Json(new { documentId = "sha256:" + OperationId.Of(Books).ToUpperInvariant() }));
        var byGet = await client.GetAsync("/graphql?id=" + OperationId.Of(Books));

        Assert.Equal(200, byId.Status);
        Assert.Contains("\"title\"", byText.Body!.ToString(), StringComparison.Ordinal);
        Assert.Equal(byText.Body!.ToString(), byId.Body!.ToString());
        Assert.Equal(byText.Body!.ToString(), byDraftId.Body!.ToString());
        Assert.Equal(byText.Body!.ToString(), byGet.Body!.ToString());
    }

    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("../../../../etc/passwd")]
    [InlineData("not-a-hash")]
    public async Task An_unknown_or_malformed_id_answers_PersistedQueryNotFound(string id)
    {
        await using var client = await StartAsync();

        var response = await client.PostJsonAsync(Json(new { id }));

        Assert.Equal(400, response.Status);
        Assert.Null(response.Body!["data"]);
        Assert.Equal("PersistedQueryNotFound", response.Body["errors"]![0]!["message"]!.ToString());
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", Code(response));
    }

    [Fact]
    public async Task Under_legacy_json_a_miss_is_a_200_with_the_error_as_apq_clients_expect()
    {
        await using var client = await StartAsync();

        var response = await client.PostJsonAsync(Json(new { extensions = Apq(OperationId.Of("{ books { title } }")) }), accept: "application/json");

        Assert.Equal(200, response.Status);
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", Code(response));
    }

    [Fact]
    public async Task Apq_misses_then_registers_with_the_text_then_hits_by_hash()
    {
        const string Query = "{ books { title genre } }";
        var hash = OperationId.Of(Query);
        await using var client = await StartAsync();

        var miss = await client.PostJsonAsync(Json(new { extensions = Apq(hash) }));
        var register = await client.PostJsonAsync(Json(new { query = Query, extensions = Apq(hash) }));
        var hit = await client.PostJsonAsync(Json(new { extensions = Apq(hash) }));
        var hitById = await client.PostJsonAsync(Json(new { id = hash }));

        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", Code(miss));
        Assert.Equal(200, register.Status);
        Assert.Equal(1, Registered);
        Assert.Equal(register.Body!.ToString(), hit.Body!.ToString());
        Assert.Equal(register.Body!.ToString(), hitById.Body!.ToString());
    }

    [Fact]
    public async Task Text_that_does_not_hash_to_its_id_is_refused_and_not_registered()
    {
        await using var client = await StartAsync();
        var otherHash = OperationId.Of("{ books { id } }");

        var response = await client.PostJsonAsync(Json(new { query = "{ books { title } }", extensions = Apq(otherHash) }));
        var after = await client.PostJsonAsync(Json(new { extensions = Apq(otherHash) }));

        Assert.Equal(400, response.Status);
        Assert.Equal("PERSISTED_QUERY_HASH_MISMATCH", Code(response));
        Assert.Null(response.Body!["data"]);
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", Code(after));
        Assert.Equal(0, Registered);
    }

    [Fact]
    public async Task An_id_and_an_apq_hash_that_disagree_are_an_invalid_request()
    {
        await using var client = await StartAsync();

        var response = await client.PostJsonAsync(Json(new { id = OperationId.Of(Books), extensions = Apq(OperationId.Of(AddBook)) }));

        Assert.Equal(400, response.Status);
        Assert.Equal("HC0009", Code(response));
    }

    [Fact]
    public async Task An_invalid_document_is_not_registered()
    {
        const string Invalid = "{ books { noSuchField } }";
        await using var client = await StartAsync();

        var response = await client.PostJsonAsync(Json(new { query = Invalid, extensions = Apq(OperationId.Of(Invalid)) }));
        var after = await client.PostJsonAsync(Json(new { extensions = Apq(OperationId.Of(Invalid)) }));

        Assert.Equal(400, response.Status);
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", Code(after));
        Assert.Equal(0, Registered);
    }

    [Fact]
    public async Task A_stored_operation_is_validated_once_but_still_checks_variables_and_the_method()
    {
        await using var client = await StartAsync();

        var one = await client.PostJsonAsync(Json(new { id = OperationId.Of(BookById), variables = new { id = 1 } }));
        var two = await client.PostJsonAsync(Json(new { id = OperationId.Of(BookById), variables = new { id = 2 } }));
        var wrong = await client.PostJsonAsync(Json(new { id = OperationId.Of(BookById), variables = new { id = "one" } }));
        var mutationByGet = await client.GetAsync("/graphql?id=" + OperationId.Of(AddBook));
        var mutationByPost = await client.PostJsonAsync(Json(new { id = OperationId.Of(AddBook) }));

        Assert.Equal(200, one.Status);
        Assert.NotEqual(one.Body!["data"]!.ToString(), two.Body!["data"]!.ToString());
        Assert.Equal(400, wrong.Status);
        Assert.Equal(405, mutationByGet.Status);
        Assert.Equal("OPERATION_NOT_ALLOWED", Code(mutationByGet));
        Assert.Equal(200, mutationByPost.Status);
        Assert.NotNull(mutationByPost.Body!["data"]!["addBook"]);
        Assert.Equal(2, Cached); // one document each, whatever the variables and methods
    }

    [Fact]
    public async Task Only_stored_operations_run_under_the_switch()
    {
        await using var client = await StartAsync(only: true);
        var apqHash = OperationId.Of("{ books { genre } }");

        var stored = await client.PostJsonAsync(Json(new { id = OperationId.Of(Books) }));
        var text = await client.PostJsonAsync(Json(new { query = "{ books { genre } }" }));
        var storedText = await client.PostJsonAsync(Json(new { query = Books }));
        var register = await client.PostJsonAsync(Json(new { query = "{ books { genre } }", extensions = Apq(apqHash) }));
        var afterRegister = await client.PostJsonAsync(Json(new { extensions = Apq(apqHash) }));
        var textByGet = await client.GetAsync("/graphql?query=" + Uri.EscapeDataString("{ books { genre } }"));

        Assert.Equal(200, stored.Status);
        Assert.NotNull(stored.Body!["data"]!["books"]);
        foreach (var refused in new[] { text, storedText, register, textByGet })
        {
            Assert.Equal(400, refused.Status);
            Assert.Equal("PERSISTED_QUERY_NOT_ALLOWED", Code(refused));
            Assert.Null(refused.Body!["data"]);
        }

        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", Code(afterRegister));
        Assert.Equal(0, Registered);
    }

    [Fact]
    public async Task Under_the_switch_an_admitted_caller_may_still_send_text_and_register()
    {
        await using var client = await StartAsync(only: true);
        var hash = OperationId.Of("{ books { genre } }");

        var text = await client.PostJsonAsync(Json(new { query = "{ books { genre } }", extensions = Apq(hash) }), configure: AsAdmin);
        var hitAsAdmin = await client.PostJsonAsync(Json(new { extensions = Apq(hash) }), configure: AsAdmin);
        var hitAsOther = await client.PostJsonAsync(Json(new { extensions = Apq(hash) }));

        Assert.Equal(200, text.Status);
        Assert.Equal(200, hitAsAdmin.Status);
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", Code(hitAsOther)); // registrations are not stored operations
    }

    [Fact]
    public async Task A_file_whose_text_does_not_hash_to_its_name_is_not_run()
    {
        var forged = OperationId.Of("{ books { id } }");
        await File.WriteAllTextAsync(Path.Combine(_store, forged + ".graphql"), AddBook);
        await using var client = await StartAsync();

        var response = await client.PostJsonAsync(Json(new { id = forged }));

        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", Code(response));
    }

    [Fact]
    public async Task An_operation_published_while_the_server_runs_is_found()
    {
        const string Later = "{ books { title author { name } } }";
        await using var client = await StartAsync();
        var before = await client.PostJsonAsync(Json(new { id = OperationId.Of(Later) }));

        var id = await FileSystemPersistedOperationStore.PublishAsync(_store, Later, CancellationToken.None);
        var again = await FileSystemPersistedOperationStore.PublishAsync(_store, Later, CancellationToken.None);
        var after = await client.PostJsonAsync(Json(new { id }));

        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", Code(before));
        Assert.Equal(id, again);
        Assert.Equal(Later, await File.ReadAllTextAsync(Path.Combine(_store, id + ".graphql")));
        Assert.Equal(200, after.Status);
        Assert.NotNull(after.Body!["data"]!["books"]);
    }

    [Fact]
    public void The_id_is_the_lowercase_hex_sha256_of_the_utf8_text()
    {
        // sha256("{ books { id title } }") computed independently (printf '%s' … | sha256sum).
        Assert.Equal(ExpectedBooksHash, OperationId.Of(Books));
        Assert.True(OperationId.TryNormalize("sha256:" + ExpectedBooksHash.ToUpperInvariant(), out var normalized));
        Assert.Equal(ExpectedBooksHash, normalized);
        Assert.False(OperationId.TryNormalize(ExpectedBooksHash[..63] + "g", out _));
        Assert.False(OperationId.TryNormalize(ExpectedBooksHash + "0", out _));
    }

    private const string ExpectedBooksHash = "72ece3955befa620b831312f76da21484c2858848243d38e6b2d5c0b000d6bff";

    private int Registered => _app!.Services.GetRequiredService<AutomaticPersistedQueries>().Count;

    private int Cached => _app!.Services.GetRequiredService<ValidatedDocumentCache>().Count;

    private static void AsAdmin(HttpRequestMessage request) => request.Headers.Add("X-Test-Role", "admin");

    private async Task<GraphQLHttpClient> StartAsync(bool only = false)
    {
        _app = ToyHost.Build(configure: builder =>
        {
            builder.Services.AddGraphQLRequestConfigurator<TestRoleFromHeader>();
            builder.Services.AddPersistedOperations(options =>
            {
                options.Directory = _store;
                options.Only = only;
                options.MayRunAnyOperation = user => user.IsInRole("admin");
            });
        });
        return await GraphQLHttpClient.StartAsync(_app);
    }

    private static string Json(object value) => JsonSerializer.Serialize(value);

    private static object Apq(string hash) => new { persistedQuery = new { version = 1, sha256Hash = hash } };

    private static string? Code(HttpExchange response) => response.Body?["errors"]?[0]?["extensions"]?["code"]?.ToString();

    // Stands in for authentication: the toy host has none.
    private sealed class TestRoleFromHeader : IGraphQLRequestConfigurator
    {
        public ValueTask ConfigureAsync(ExecutionOptions options, HttpContext httpContext)
        {
            if (httpContext.Request.Headers.TryGetValue("X-Test-Role", out var role))
            {
                httpContext.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, role.ToString())], "test"));
            }

            return ValueTask.CompletedTask;
        }
    }
}
