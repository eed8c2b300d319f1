using WorkforceGraph.GraphQL.Conventions.Tests.Toy.Catalog;

namespace WorkforceGraph.GraphQL.Conventions.Tests.Filtering;

/// <summary>graphql-conventions.md §3: every operation of <c>StringOperationFilterInput</c>, ordinal and case-sensitive.</summary>
public sealed class StringFilterTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    private readonly LibraryHost _host = fixture.Host;

    private static List<int> Expected(Func<Author, bool> predicate) =>
        [.. LibrarySeed.Authors().Where(predicate).Select(a => a.Id).OrderBy(id => id)];

    [Fact]
    public async Task Eq_is_case_sensitive()
    {
        Assert.Equal([1], await _host.AuthorIdsAsync("{ name: { eq: \"abc\" } }"));
        Assert.Equal([2], await _host.AuthorIdsAsync("{ name: { eq: \"ABC\" } }"));
        Assert.Equal([13, 18], await _host.AuthorIdsAsync("{ name: { eq: \"Austen\" } }"));
        Assert.Empty(await _host.AuthorIdsAsync("{ name: { eq: \"aBc\" } }"));
    }

    [Fact]
    public async Task Neq_excludes_only_the_exact_value()
    {
        Assert.Equal(Expected(a => a.Name != "abc"), await _host.AuthorIdsAsync("{ name: { neq: \"abc\" } }"));
    }

    [Fact]
    public async Task Contains_and_ncontains_are_case_sensitive()
    {
        Assert.Equal([1, 3], await _host.AuthorIdsAsync("{ name: { contains: \"bc\" } }"));
        Assert.Equal([2], await _host.AuthorIdsAsync("{ name: { contains: \"BC\" } }"));
        Assert.Equal(Expected(a => !a.Name.Contains("bc", StringComparison.Ordinal)), await _host.AuthorIdsAsync("{ name: { ncontains: \"bc\" } }"));
    }

    [Fact]
    public async Task Like_metacharacters_are_literal()
    {
        Assert.Equal([19], await _host.AuthorIdsAsync("{ name: { contains: \"%\" } }"));
        Assert.Equal([19], await _host.AuthorIdsAsync("{ name: { startsWith: \"%_\" } }"));
        Assert.Empty(await _host.AuthorIdsAsync("{ name: { contains: \"_l_\" } }"));
        Assert.Equal([19], await _host.AuthorIdsAsync("{ nickname: { contains: \"%\" } }"));
    }

    [Fact]
    public async Task In_and_nin_match_exact_values()
    {
        Assert.Equal([1, 6], await _host.AuthorIdsAsync("{ name: { in: [\"abc\", \"zed\", \"ZED\"] } }"));
        Assert.Equal(Expected(a => a.Name is not ("abc" or "zed" or "ZED")), await _host.AuthorIdsAsync("{ name: { nin: [\"abc\", \"zed\", \"ZED\"] } }"));
        Assert.Empty(await _host.AuthorIdsAsync("{ name: { in: [] } }"));
        Assert.Equal(Expected(_ => true), await _host.AuthorIdsAsync("{ name: { nin: [] } }"));
    }

    [Fact]
    public async Task StartsWith_and_nstartsWith_are_case_sensitive()
    {
        Assert.Equal([3], await _host.AuthorIdsAsync("{ name: { startsWith: \"Ab\" } }"));
        Assert.Equal([1], await _host.AuthorIdsAsync("{ name: { startsWith: \"ab\" } }"));
        Assert.Equal([7], await _host.AuthorIdsAsync("{ name: { startsWith: \"Mary\" } }"));
        Assert.Equal([8], await _host.AuthorIdsAsync("{ name: { startsWith: \"mar\" } }"));
        Assert.Equal(Expected(a => !a.Name.StartsWith('A')), await _host.AuthorIdsAsync("{ name: { nstartsWith: \"A\" } }"));
    }

    [Fact]
    public async Task StartsWith_handles_non_ascii_prefixes()
    {
        Assert.Equal([4], await _host.AuthorIdsAsync("{ name: { startsWith: \"É\" } }"));
        Assert.Empty(await _host.AuthorIdsAsync("{ name: { startsWith: \"é\" } }"));
        Assert.Equal([5], await _host.AuthorIdsAsync("{ name: { startsWith: \"Zo\" } }"));
    }

    [Fact]
    public async Task EndsWith_and_nendsWith_are_case_sensitive()
    {
        Assert.Equal([1, 3], await _host.AuthorIdsAsync("{ name: { endsWith: \"bc\" } }"));
        Assert.Empty(await _host.AuthorIdsAsync("{ name: { endsWith: \"Bc\" } }"));
        Assert.Equal([2], await _host.AuthorIdsAsync("{ name: { endsWith: \"BC\" } }"));
        Assert.Equal([5, 9], await _host.AuthorIdsAsync("{ name: { endsWith: \"ë\" } }"));
        Assert.Equal(Expected(a => !a.Name.EndsWith('n')), await _host.AuthorIdsAsync("{ name: { nendsWith: \"n\" } }"));
    }

    [Fact]
    public async Task Comparisons_on_the_empty_string_and_nullable_columns()
    {
        // "" is a value, not NULL: eq "" finds it, and a startsWith on a nullable column never matches NULL.
        Assert.Equal([8], await _host.AuthorIdsAsync("{ nickname: { eq: \"\" } }"));
        Assert.Equal(Expected(a => a.Nickname is not null), await _host.AuthorIdsAsync("{ nickname: { startsWith: \"\" } }"));
        Assert.Equal([2, 3], await _host.AuthorIdsAsync("{ nickname: { endsWith: \"l\" } }"));
    }

    [Fact]
    public async Task Negated_operations_match_null_as_the_negation_of_the_positive_one()
    {
        // HC builds `!(x != null && x.EndsWith(v))`: a NULL value does not end with v, so nendsWith matches it.
        Assert.Equal(Expected(a => !(a.Nickname?.EndsWith('l') ?? false)), await _host.AuthorIdsAsync("{ nickname: { nendsWith: \"l\" } }"));
        Assert.Equal(Expected(a => !(a.Nickname?.StartsWith('A') ?? false)), await _host.AuthorIdsAsync("{ nickname: { nstartsWith: \"A\" } }"));
        Assert.Equal(Expected(a => !(a.Nickname?.Contains('o', StringComparison.Ordinal) ?? false)), await _host.AuthorIdsAsync("{ nickname: { ncontains: \"o\" } }"));
        Assert.Equal(Expected(a => a.Nickname != "Al"), await _host.AuthorIdsAsync("{ nickname: { neq: \"Al\" } }"));
        Assert.Equal(Expected(a => a.Nickname is not ("Al" or "al")), await _host.AuthorIdsAsync("{ nickname: { nin: [\"Al\", \"al\"] } }"));
        Assert.Equal(Expected(a => a.Nickname is "Al" or "al"), await _host.AuthorIdsAsync("{ nickname: { in: [\"Al\", \"al\"] } }"));
    }

    [Fact]
    public async Task And_and_or_inside_the_operation_input()
    {
        Assert.Equal([1, 2, 3], await _host.AuthorIdsAsync("{ name: { or: [{ eq: \"abc\" }, { eq: \"ABC\" }, { eq: \"Abc\" }] } }"));
        Assert.Equal([7], await _host.AuthorIdsAsync("{ name: { and: [{ startsWith: \"M\" }, { endsWith: \"n\" }] } }"));
        Assert.Equal([7], await _host.AuthorIdsAsync("{ name: { startsWith: \"M\", or: [{ contains: \"Ann\" }, { eq: \"x\" }] } }"));
    }

    [Fact]
    public async Task Sibling_operations_are_anded()
    {
        Assert.Equal([16], await _host.AuthorIdsAsync("{ name: { startsWith: \"Mo\", endsWith: \"re\" } }"));
    }
}
