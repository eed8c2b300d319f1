using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using WorkforceGraph.Features.Tests.Infrastructure;
using WorkforceGraph.GraphQL.Conventions.NodeIds;
using WorkforceGraph.Testing;
using Xunit.Abstractions;

namespace WorkforceGraph.Features.Tests.Security;

/// <summary>
/// The bad-input corpus: several hundred deterministic malformed or hostile requests. None may get a 5xx, every
/// GraphQL error must carry an <c>extensions.code</c>, and the database must be byte-for-byte what it was.
/// </summary>
public sealed class BadInputCorpusTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly WorkforceApiFactory _factory = new();

    public async Task InitializeAsync() => await SmallWorkforce.CreateAsync(_factory);

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    // The fingerprint reads the SQLite test database directly.
    [Fact]
    [Trait("Category", "SqliteOnly")]
    public async Task Hostile_requests_get_a_coded_4xx_or_a_coded_error_and_change_nothing()
    {
        var corpus = Corpus().ToList();
        Assert.True(corpus.Count >= 300, $"only {corpus.Count} requests");
        var before = await FingerprintAsync();
        var client = _factory.CreateClient();
        var failures = new List<string>();
        var statuses = new SortedDictionary<int, int>();

        foreach (var item in corpus)
        {
            using var request = item.Build();
            using var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var text = await response.Content.ReadAsStringAsync();
            if (status >= 500)
            {
                failures.Add($"{item.Name}: {status} {Truncate(text)}");
                continue;
            }

            if (response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) != true)
            {
                if (status != 405 && status != 406 && status != 415)
                {
                    failures.Add($"{item.Name}: {status} answered without a JSON body");
                }

                continue;
            }

            var json = JsonNode.Parse(text);
            var errors = json?["errors"] as JsonArray;
            if (errors is { Count: > 0 } && errors.Any(e => e?["extensions"]?["code"]?.GetValue<string>() is not { Length: > 0 }))
            {
                failures.Add($"{item.Name}: an error without a code: {Truncate(text)}");
            }

            if (item.ExpectError && errors is not { Count: > 0 })
            {
                failures.Add($"{item.Name}: {status} without an error: {Truncate(text)}");
            }

            if (errors is { Count: > 0 } && text.Contains("   at ", StringComparison.Ordinal))
            {
                failures.Add($"{item.Name}: a stack trace in the response");
            }
        }

        output.WriteLine($"{corpus.Count} requests; statuses: {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}");
        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(30)));
        Assert.Equal(before, await FingerprintAsync());
    }

    // Odd but valid: an empty `or`, introspection within its nesting limit, a lone surrogate escape (matches no one),
    // and a single object where a list is expected (GraphQL coerces it to a list of one).
    private static readonly HashSet<string> Harmless = new(StringComparer.Ordinal)
    {
        "{ workers(where: { or: [] }) { nodes { id } } }",
        "{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } } }",
        "{ workers(where: { name: { eq: \"\\uD800\" } }) { nodes { id } } }",
        "{ workers(where: { and: { name: { eq: \"x\" } } }) { nodes { id } } }",
    };

    private sealed record Item(string Name, Func<HttpRequestMessage> Build, bool ExpectError = true);

    private static IEnumerable<Item> Corpus()
    {
        // 1. Valid requests truncated at many points.
        var valid = new[]
        {
            """{"query":"query($n: Int, $w: WorkerFilterInput) { workers(first: $n, where: $w) { nodes { id name } } }","variables":{"n":5,"w":{"name":{"startsWith":"李"}}}}""",
            """{"query":"{ communities(order: [{ name: DESC }]) { nodes { code workers(first: 2) { totalCount } } } }","operationName":null}""",
        };
        foreach (var body in valid)
        {
            for (var cut = 1; cut < body.Length - 1; cut += 3)
            {
                yield return Json($"truncated at {cut}", body[..cut]);
            }
        }

        // 2. Bodies that are not UTF-8 or not JSON at all.
        byte[][] bytes =
        [
            [0xff, 0xfe, 0x7b, 0x7d], [0x7b, 0x22, 0x71, 0xc3, 0x28, 0x22, 0x7d], [0xc0, 0xaf], [0xed, 0xa0, 0x80],
            [0xf8, 0x88, 0x80, 0x80, 0x80], [0x00, 0x00, 0x00], [0xef, 0xbb, 0xbf], [0x80, 0x81, 0x82],
        ];
        foreach (var (raw, i) in bytes.Select((b, i) => (b, i)))
        {
            // A byte-order mark inside the string is valid UTF-8 (and ignored by GraphQL's lexer).
            yield return Raw($"invalid utf-8 #{i}", [.. "{\"query\":\""u8.ToArray(), .. raw, .. "{ __typename }\"}"u8.ToArray()], expectError: raw is not [0xef, 0xbb, 0xbf]);
            yield return Raw($"raw bytes #{i}", raw);
        }

        foreach (var text in new[] { "", " ", "null", "true", "42", "\"query\"", "[]", "[{}]", "{}", "{\"query\":null}", "{\"query\":42}", "{\"query\":[\"{ __typename }\"]}", "{\"query\":{}}", "{\"query\":\"{ __typename }\",\"variables\":\"x\"}", "{\"query\":\"{ __typename }\",\"variables\":[]}", "{\"query\":\"{ __typename }\",\"extensions\":7}", "{\"query\":\"{ __typename }\",\"operationName\":7}", "{\"query\":\"{ __typename }\",\"query\":\"{ x }\"}", "{'query':'{ __typename }'}", "{\"query\":\"{ __typename }\"}garbage" })
        {
            yield return Json($"shape {text}", text);
        }

        // 3. Wrong variable types and huge numbers.
        const string typed = "query($n: Int, $s: String, $id: ID!, $d: Date, $e: Gender) { workers(first: $n, where: { name: { eq: $s }, birthDate: { gt: $d }, gender: { eq: $e } }) { nodes { id } } node(id: $id) { id } }";
        object?[] wrong =
        [
            "five", 5.5, true, new[] { 1 }, new { n = 1 }, JsonNode.Parse("1e400"), -1, 2147483648L, long.MaxValue, "9".PadLeft(400, '9'), "", "NaN", "Infinity", "0x10", "١٢", null,
        ];
        foreach (var (value, i) in wrong.Select((v, i) => (v, i)))
        {
            foreach (var name in new[] { "n", "s", "id", "d", "e" })
            {
                var variables = new Dictionary<string, object?> { ["n"] = 5, ["s"] = "x", ["id"] = NodeId.Encode("Worker", 1), ["d"] = "2000-01-01", ["e"] = "MALE", [name] = value };
                yield return Post($"variable {name} = value #{i}", typed, variables, expectError: false);
            }
        }

        foreach (var literal in new[] { "-1", "10000", "99999999999999999999", "1e308", "2147483648", "\"10\"", "null", "[1]", "{ a: 1 }", "$undefined", "1.5", "true" })
        {
            // null is the default page size, not an error.
            yield return Post($"first: {literal}", $"{{ workers(first: {literal}) {{ nodes {{ id }} }} }}", expectError: literal != "null");
            yield return Post($"last: {literal}", $"{{ communities(last: {literal}) {{ nodes {{ id }} }} }}", expectError: literal != "null");
        }

        // 4. Deep nesting in variables and in the document.
        foreach (var depth in new[] { 10, 64, 65, 200, 1000, 5000 })
        {
            var where = string.Concat(Enumerable.Repeat("{\"and\":[", depth)) + "{}" + string.Concat(Enumerable.Repeat("]}", depth));
            yield return Json($"variables nested {depth}", $"{{\"query\":\"query($w: WorkerFilterInput) {{ workers(where: $w) {{ nodes {{ id }} }} }}\",\"variables\":{{\"w\":{where}}}}}", expectError: depth > 20);
            var list = string.Concat(Enumerable.Repeat("[", depth)) + string.Concat(Enumerable.Repeat("]", depth));
            yield return Json($"list nested {depth}", $"{{\"query\":\"{{ __typename }}\",\"variables\":{{\"x\":{list}}}}}", expectError: depth >= 64);
            var selection = "{ regions { nodes { " + string.Concat(Enumerable.Repeat("parent { ", depth)) + "id" + string.Concat(Enumerable.Repeat(" }", depth)) + " } } }";
            // Deeper than MaxDepth (12) is refused before execution.
            yield return Post($"selection nested {depth}", selection, expectError: depth > 10);
            var filter = string.Concat(Enumerable.Repeat("{ and: [", depth)) + "{}" + string.Concat(Enumerable.Repeat("] }", depth));
            // Each level is two syntax levels (object, list): over the parser's nesting limit of 200 from 100 on.
            yield return Post($"filter literal nested {depth}", $"{{ workers(where: {filter}) {{ nodes {{ id }} }} }}", expectError: depth >= 100);
        }

        // 5. Unknown fields, arguments, types, operators, directives and malformed documents.
        foreach (var document in new[]
        {
            "{ spaceships { name } }", "{ workers { nodes { salary } } }", "{ workers(page: 2) { nodes { id } } }",
            "{ workers(where: { name: { like: \"%\" } }) { nodes { id } } }", "{ workers(where: { salary: { gt: 1 } }) { nodes { id } } }",
            "{ workers(order: [{ posts: ASC }]) { nodes { id } } }", "{ workers(order: { name: SIDEWAYS }) { nodes { id } } }",
            "{ workers @skip { nodes { id } } }", "{ workers @bogus { nodes { id } } }", "{ __typename @include(if: \"yes\") }",
            "query { __typename } query { __typename }", "query A { __typename } query A { __typename }", "{ ...F } fragment F on Query { ...F }",
            "fragment F on Query { __typename }", "{ workers { ... on Community { code } } }", "subscription { workers { id } }",
            "mutation { upsertWorkers(input: {}) { created } }", "{ workers { nodes } }", "{ workers { nodes { id(x: 1) } } }", "{",
            "}", "{ workers(first: 1, first: 2) { nodes { id } } }", "query($a: Int, $a: Int) { __typename }", "query($a: Int!) { __typename }",
            "query($a: Spaceship) { __typename }", "{ node(id: 1) { id } }", "{ node { id } }", "{ nodes(ids: \"x\") { id } }",
            "{ region(code: 320102) { name } }", "{ community(code: null) { name } }", "\"\"\"unterminated", "{ a: __typename a: workers { totalCount } }",
            "{ workers { totalCount totalCount: pageInfo { hasNextPage } } }", "{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } } }",
            "{ __type(name: 1) { name } }", "# only a comment", "query", "{ workers(where: { name: { eq: \"\\uD800\" } }) { nodes { id } } }",
            "{ workers(where: { and: { name: { eq: \"x\" } } }) { nodes { id } } }", "{ workers(where: { or: [] }) { nodes { id } } }",
        })
        {
            yield return Post($"document {document}", document, expectError: !Harmless.Contains(document));
        }

        // 6. Oversized strings and bodies.
        foreach (var size in new[] { 10_000, 500_000, 1_900_000, 2_100_000, 5_000_000 })
        {
            yield return Post($"string of {size}", "query($s: String) { workers(where: { name: { eq: $s } }) { nodes { id } } }", new Dictionary<string, object?> { ["s"] = new string('社', size / 3) }, expectError: size > 2_000_000);
            yield return Json($"padding of {size}", "{\"query\":\"{ __typename }\",\"extensions\":{\"pad\":\"" + new string('x', size) + "\"}}", expectError: size > 2_000_000);
        }

        yield return Post("many aliases", "{ " + string.Join(' ', Enumerable.Range(0, 500).Select(i => $"a{i}: __typename")) + " }", expectError: false);
        yield return Post("many fields", "{ workers { nodes { " + string.Join(' ', Enumerable.Repeat("name", 3000)) + " } } }", expectError: false);
        yield return Post("many directives", "{ __typename " + string.Concat(Enumerable.Repeat("@include(if: true) ", 100)) + "}", expectError: false);
        yield return Post("many operations", string.Join(' ', Enumerable.Range(0, 300).Select(i => $"query Q{i} {{ __typename }}")));
        yield return Post("many nodes", "{ nodes(ids: [" + string.Join(',', Enumerable.Range(1, 200).Select(i => $"\"{NodeId.Encode("Worker", i)}\"")) + "]) { id } }");

        // 7. Injection strings in filters, sorts and lookups.
        string[] hostile =
        [
            "'; DROP TABLE Workers; --", "\" OR 1=1 --", "%", "_", "\\", "%' OR '1'='1", "\0", "a\u0000b", "\u202e", "👩‍👩‍👧", "李%", "3201%", "' UNION SELECT * FROM Workers --",
            "<script>alert(1)</script>", "../../etc/passwd", "${jndi:ldap://x}", "{{7*7}}", "\r\n\r\nHTTP/1.1 200", new string('\'', 1000),
        ];
        foreach (var (value, i) in hostile.Select((v, i) => (v, i)))
        {
            foreach (var (field, operation) in new[] { ("name", "eq"), ("name", "contains"), ("name", "startsWith"), ("name", "endsWith"), ("ethnicity", "in") })
            {
                var operand = operation == "in" ? "[$v]" : "$v";
                yield return Post($"injection #{i} {field}.{operation}", $"query($v: String) {{ workers(where: {{ {field}: {{ {operation}: {operand} }} }}) {{ totalCount }} }}", new Dictionary<string, object?> { ["v"] = value }, expectError: false);
            }

            yield return Post($"injection #{i} community code", "query($v: String!) { community(code: $v) { id } }", new Dictionary<string, object?> { ["v"] = value });
            yield return Post($"injection #{i} node id", "query($v: ID!) { node(id: $v) { id } }", new Dictionary<string, object?> { ["v"] = value });
            yield return Post($"injection #{i} cursor", "query($v: String) { workers(after: $v) { nodes { id } } }", new Dictionary<string, object?> { ["v"] = value });
        }

        // 8. Batch writes by an integrator that must write nothing: hostile keys, ill-typed records, too many records.
        const string upsert = "mutation($w: [WorkerInput!]!) { upsertWorkers(input: { workers: $w }) { created updated unchanged errors { index code } } }";
        foreach (var (value, i) in hostile.Select((v, i) => (v, i)))
        {
            yield return Write($"write #{i} idNumber", upsert, new() { ["w"] = new[] { Worker(idNumber: value) } }, expectError: false);
            yield return Write($"write #{i} communityCode", upsert, new() { ["w"] = new[] { Worker(community: value) } }, expectError: false);
            yield return Write($"write #{i} delete key", "mutation($k: String!) { deleteWorkers(input: { workers: [{ idNumber: $k }] }) { deleted unchanged errors { code } } }", new() { ["k"] = value }, expectError: false);
            yield return Write($"write #{i} feed cursor", "query($c: String) { changes(after: $c) { totalCount } }", new() { ["c"] = value });
        }

        foreach (var (field, value) in new (string, object?)[]
        {
            ("gender", "UNKNOWN"), ("gender", null), ("birthDate", "1985-02-30"), ("birthDate", "1985-3-2"), ("birthDate", 19850302), ("hiredOn", "2015-07-01T00:00:00Z"),
            ("name", null), ("name", 42), ("status", "left"), ("education", ""), ("isReserveTalent", "yes"), ("idNumber", 320102198503020011), ("phone", new[] { "1" }),
            ("communityCode", new Dictionary<string, object?>()), ("extra", "field"),
        })
        {
            var record = Worker();
            record[field] = value;
            yield return Write($"write ill-typed {field}={value}", upsert, new() { ["w"] = new[] { Worker(), record } });
        }

        yield return Write("write a null record", upsert, new() { ["w"] = new object?[] { Worker(), null } });
        yield return Write("write 1,001 records", upsert, new() { ["w"] = Enumerable.Range(0, 1_001).Select(_ => Worker()).ToArray() });
        yield return Write("write 1,001 delete keys", "mutation($k: [WorkerKeyInput!]!) { deleteWorkers(input: { workers: $k }) { deleted } }", new() { ["k"] = Enumerable.Range(0, 1_001).Select(_ => new { idNumber = "x" }).ToArray() });

        // 9. Wrong HTTP: methods, media types, GET requests.
        foreach (var method in new[] { "PUT", "DELETE", "PATCH", "OPTIONS" })
        {
            yield return new Item($"method {method}", () => new HttpRequestMessage(new HttpMethod(method), "/graphql") { Content = new StringContent("{\"query\":\"{ __typename }\"}", Encoding.UTF8, "application/json") });
        }

        foreach (var contentType in new[] { "text/plain", "application/xml", "multipart/form-data; boundary=x", "application/json; charset=latin1", "application/graphql", "application/x-www-form-urlencoded", "application/jsonx" })
        {
            yield return new Item($"content type {contentType}", () =>
            {
                var content = new ByteArrayContent("{\"query\":\"{ __typename }\"}"u8.ToArray());
                content.Headers.TryAddWithoutValidation("Content-Type", contentType);
                return new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content };
            }, ExpectError: contentType != "application/json; charset=latin1");
        }

        foreach (var accept in new[] { "text/html;q=0", "image/png", "application/xml", "application/graphql-response+json;q=abc", "*/*;q=x,,," })
        {
            yield return new Item($"accept {accept}", () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("{\"query\":\"{ __typename }\"}", Encoding.UTF8, "application/json") };
                request.Headers.TryAddWithoutValidation("Accept", accept);
                return request;
            }, ExpectError: false);
        }

        foreach (var query in new[] { "?query=mutation%20%7B%20x%20%7D", "?query=%7B", "?query=", "?variables=%7B%7D", "?query=%7B__typename%7D&variables=%5B", "?query=%7B__typename%7D&extensions=x", "?query=" + new string('a', 8000) })
        {
            yield return new Item($"GET {query[..Math.Min(query.Length, 40)]}", () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Get, "/graphql" + query);
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
                return request;
            });
        }
    }

    // An integrator's write, with a token (Development's anonymous caller may not write at all).
    private static Item Write(string name, string query, Dictionary<string, object?> variables, bool expectError = true)
    {
        var post = Post(name, query, variables, expectError);
        return post with
        {
            Build = () =>
            {
                var request = post.Build();
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", WorkforceApiFactory.Token("integrator", "3201"));
                return request;
            },
        };
    }

    // A worker record of 梅园社区 that passes every check except what the caller changes.
    private static Dictionary<string, object?> Worker(string? idNumber = null, string community = "320102001001") => new()
    {
        ["idNumber"] = idNumber ?? "11010519491231002X",
        ["name"] = "测试",
        ["gender"] = "FEMALE",
        ["birthDate"] = "1949-12-31",
        ["ethnicity"] = "汉族",
        ["politicalStatus"] = "MASSES",
        ["education"] = "BACHELOR",
        ["employmentType"] = "COMMUNITY_STAFF",
        ["status"] = "ACTIVE",
        ["communityWorkStartDate"] = "2000-01-01",
        ["hiredOn"] = "2000-01-01",
        ["communityCode"] = community,
    };

    private static Item Post(string name, string query, Dictionary<string, object?>? variables = null, bool expectError = true) =>
        Json(name, JsonSerializer.Serialize(new Dictionary<string, object?> { ["query"] = query, ["variables"] = variables }), expectError);

    private static Item Json(string name, string body, bool expectError = true) => Raw(name, Encoding.UTF8.GetBytes(body), expectError);

    private static Item Raw(string name, byte[] body, bool expectError = true) => new(name, () =>
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        return request;
    }, expectError);

    private static string Truncate(string text) => text.Length > 300 ? text[..300] + "…" : text;

    // Every table's rows, in key order, hashed: any write shows.
    private async Task<string> FingerprintAsync()
    {
        await using var connection = new SqliteConnection(_factory.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\" ORDER BY 1";
            await using var reader = await select.ExecuteReaderAsync();
            hash.AppendData(Encoding.UTF8.GetBytes(table));
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    hash.AppendData(Encoding.UTF8.GetBytes(Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) + "\u001f"));
                }
            }
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
