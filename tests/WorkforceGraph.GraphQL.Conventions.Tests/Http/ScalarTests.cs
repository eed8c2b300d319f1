using Newtonsoft.Json.Linq;
using WorkforceGraph.GraphQL.Conventions.Tests.Toy;

namespace WorkforceGraph.GraphQL.Conventions.Tests.Http;

/// <summary>graphql-conventions.md §9 over HTTP.</summary>
public sealed class ScalarTests
{
    private static async Task<(int Status, string? Value, string? Code)> EchoDateTimeAsync(string value)
    {
        await using var client = await GraphQLHttpClient.StartAsync(ToyHost.Build());
        var response = await client.PostJsonAsync(
            """{"query":"query($v: DateTime!) { echoDateTime(value: $v) }","variables":{"v":""" + System.Text.Json.JsonSerializer.Serialize(value) + "}}");
        return (response.Status, response.Body!["data"]?["echoDateTime"]?.ToString(), response.Body["errors"]?[0]?["extensions"]?["code"]?.ToString());
    }

    [Theory]
    [InlineData("2025-03-01T08:30:00Z", "2025-03-01T08:30:00Z")]
    [InlineData("2025-03-01T10:30:00+02:00", "2025-03-01T08:30:00Z")]
    [InlineData("2025-03-01T08:30:00.1250000Z", "2025-03-01T08:30:00.125Z")]
    [InlineData("2025-03-01T08:30:00.1234567-01:00", "2025-03-01T09:30:00.1234567Z")]
    public async Task DateTime_input_with_offset_is_returned_in_utc(string input, string expected)
    {
        var (status, value, _) = await EchoDateTimeAsync(input);
        Assert.Equal(200, status);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("2025-03-01T08:30:00")]
    [InlineData("2025-03-01 08:30:00Z")]
    [InlineData("2025-03-01T08:30Z")]
    [InlineData("2025-03-01T24:00:00Z")]
    [InlineData("2025-03-01T08:30:00.12345678Z")]
    [InlineData("2025-03-01")]
    public async Task DateTime_input_without_rfc3339_form_is_400_HC0001(string input)
    {
        var (status, _, code) = await EchoDateTimeAsync(input);
        Assert.Equal(400, status);
        Assert.Equal("HC0001", code);
    }

    [Fact]
    public async Task Decimal_is_a_json_number_and_refuses_strings()
    {
        await using var client = await GraphQLHttpClient.StartAsync(ToyHost.Build());
        var ok = await client.PostJsonAsync("""{"query":"{ echoDecimal(value: 12.25) }"}""");
        var literalString = await client.PostJsonAsync("""{"query":"{ echoDecimal(value: \"12.25\") }"}""");
        var variableString = await client.PostJsonAsync("""{"query":"query($v: Decimal!) { echoDecimal(value: $v) }","variables":{"v":"12.25"}}""");

        Assert.Equal(Newtonsoft.Json.Linq.JTokenType.Float, ok.Body!["data"]!["echoDecimal"]!.Type);
        Assert.Equal(12.25m, ok.Body["data"]!["echoDecimal"]!.Value<decimal>());
        Assert.Equal(400, literalString.Status);
        Assert.Equal(400, variableString.Status);
        Assert.Equal("HC0001", variableString.Body!["errors"]![0]!["extensions"]!["code"]!.ToString());
    }

    [Theory]
    [InlineData("2020-02-29", 200)]
    [InlineData("2020-2-29", 400)]
    [InlineData("2021-02-29", 400)]
    [InlineData("2020-02-29T00:00:00Z", 400)]
    public async Task Date_input_is_exactly_yyyy_MM_dd(string input, int expectedStatus)
    {
        await using var client = await GraphQLHttpClient.StartAsync(ToyHost.Build());
        var response = await client.PostJsonAsync(
            """{"query":"mutation($d: Date!) { addBook(input: {title: \"T\", published: $d}) { id } }","variables":{"d":""" + "\"" + input + "\"}}");
        Assert.Equal(expectedStatus, response.Status);
    }
}
