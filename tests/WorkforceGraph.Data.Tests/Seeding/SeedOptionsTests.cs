using WorkforceGraph.Data.Seeding;

namespace WorkforceGraph.Data.Tests.Seeding;

public sealed class SeedOptionsTests
{
    [Theory]
    [InlineData("demo", SeedScale.Demo)]
    [InlineData("Province", SeedScale.Province)]
    [InlineData("NATIONAL", SeedScale.National)]
    public void Parses_scale_names_case_insensitively(string text, SeedScale expected)
    {
        Assert.True(SeedOptions.TryParseScale(text, out var scale));
        Assert.Equal(expected, scale);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("demo,province")]
    [InlineData("world")]
    [InlineData("")]
    [InlineData(null)]
    public void Rejects_unknown_scales(string? text) => Assert.False(SeedOptions.TryParseScale(text, out _));

    [Theory]
    [InlineData(null, SeedScale.Demo)]
    [InlineData("", SeedScale.Demo)]
    [InlineData("none", null)]
    [InlineData("None", null)]
    [InlineData("province", SeedScale.Province)]
    public void Reads_the_first_start_setting(string? setting, SeedScale? expected)
    {
        Assert.True(SeedOptions.TryParseScaleSetting(setting, out var scale));
        Assert.Equal(expected, scale);
    }

    [Fact]
    public void Rejects_an_unknown_first_start_setting() => Assert.False(SeedOptions.TryParseScaleSetting("huge", out _));
}
