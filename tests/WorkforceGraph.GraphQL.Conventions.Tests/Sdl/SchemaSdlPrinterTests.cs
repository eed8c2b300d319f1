using Microsoft.Extensions.DependencyInjection;
using Snapshooter.Xunit;
using WorkforceGraph.GraphQL.Conventions.Sdl;
using WorkforceGraph.GraphQL.Conventions.Tests.Toy;

namespace WorkforceGraph.GraphQL.Conventions.Tests.Sdl;

/// <summary>graphql-conventions.md §10: kind groups, A→Z within a group, declaration order inside.</summary>
public sealed class SchemaSdlPrinterTests
{
    private static readonly string[] Keywords = ["schema", "type", "interface", "union", "input", "enum", "scalar"];

    private static string PrintToySchema()
    {
        var app = ToyHost.Build();
        return SchemaSdlPrinter.Print(app.Services.GetRequiredService<global::GraphQL.Types.ISchema>());
    }

    [Fact]
    public void Prints_the_toy_schema()
    {
        Snapshot.Match(PrintToySchema());
    }

    [Fact]
    public void Orders_definitions_by_kind_then_name()
    {
        var sdl = PrintToySchema();
        var headers = sdl.Split('\n')
            .Where(line => Keywords.Any(k => line.StartsWith(k + " ", StringComparison.Ordinal)))
            .Select(line => string.Join(' ', line.Split(' ').Take(2)))
            .ToList();

        Assert.Equal(
            [
                "schema {", "type Query", "type Mutation", "type Author", "type Book",
                "interface Node", "union SearchResult", "input AddBookInput", "enum Genre",
                "scalar Date", "scalar DateTime", "scalar Decimal",
            ],
            headers);
    }

    [Fact]
    public void Keeps_field_declaration_order_and_uses_lf_with_final_newline()
    {
        var sdl = PrintToySchema();

        Assert.DoesNotContain('\r', sdl);
        Assert.EndsWith("\n", sdl, StringComparison.Ordinal);
        Assert.False(sdl.EndsWith("\n\n", StringComparison.Ordinal));
        var book = sdl[sdl.IndexOf("type Book", StringComparison.Ordinal)..];
        Assert.True(book.IndexOf("  title:", StringComparison.Ordinal) < book.IndexOf("  genre:", StringComparison.Ordinal));
        Assert.True(book.IndexOf("  genre:", StringComparison.Ordinal) < book.IndexOf("  published:", StringComparison.Ordinal));
    }

    [Fact]
    public void Declares_convention_scalars_with_specified_by()
    {
        var sdl = PrintToySchema();

        Assert.Contains("scalar Date @specifiedBy(url: \"https://scalars.graphql.org/chillicream/date.html\")\n", sdl, StringComparison.Ordinal);
        Assert.Contains("scalar DateTime @specifiedBy(url: \"https://scalars.graphql.org/chillicream/date-time.html\")\n", sdl, StringComparison.Ordinal);
        Assert.Contains("scalar Decimal @specifiedBy(url: \"https://scalars.graphql.org/chillicream/decimal.html\")\n", sdl, StringComparison.Ordinal);
        Assert.DoesNotContain("scalar String", sdl, StringComparison.Ordinal);
        Assert.DoesNotContain("directive @", sdl, StringComparison.Ordinal);
    }
}
