using WorkforceGraph.Data.Regions;

namespace WorkforceGraph.Data.Tests.ValueObjects;

public sealed class DivisionCodeParse
{
    [Theory]
    [InlineData("320000000000", DivisionLevel.Province)]
    [InlineData("110000000000", DivisionLevel.Province)]
    [InlineData("650000000000", DivisionLevel.Province)]
    [InlineData("320100000000", DivisionLevel.Prefecture)]
    [InlineData("320102000000", DivisionLevel.County)]
    [InlineData("320102001000", DivisionLevel.Township)]
    [InlineData("320102399000", DivisionLevel.Township)]
    [InlineData("320102001001", DivisionLevel.Village)]
    [InlineData("320102100399", DivisionLevel.Village)]
    public void Accepts_valid_codes_of_each_level(string text, DivisionLevel level)
    {
        Assert.True(DivisionCode.TryParse(text, out var code, out var error));
        Assert.Null(error);
        Assert.Equal(text, code.Value);
        Assert.Equal(text, code.ToString());
        Assert.Equal(level, code.Level);
    }

    [Theory]
    [InlineData("")]
    [InlineData("32")]
    [InlineData("32010200100")]
    [InlineData("3201020010010")]
    public void Rejects_codes_that_are_not_12_characters(string text)
    {
        Assert.False(DivisionCode.TryParse(text, out var code, out var error));
        Assert.Equal("A division code has exactly 12 digits.", error);
        Assert.Equal(default, code);
    }

    [Fact]
    public void Rejects_null() =>
        Assert.False(DivisionCode.TryParse(null, out _, out _));

    [Theory]
    [InlineData("32010200100A")]
    [InlineData("3201020010 1")]
    [InlineData("-32010200100")]
    [InlineData("３20102001001")]
    public void Rejects_non_digits(string text)
    {
        Assert.False(DivisionCode.TryParse(text, out _, out var error));
        Assert.Equal("A division code has exactly 12 digits.", error);
    }

    [Theory]
    [InlineData("000000000000")]
    [InlineData("990000000000")]
    [InlineData("100000000000")]
    [InlineData("710000000000")]
    [InlineData("380102001001")]
    public void Rejects_unknown_province_digits(string text)
    {
        Assert.False(DivisionCode.TryParse(text, out _, out var error));
        Assert.Equal($"'{text[..2]}' is not a province code.", error);
    }

    [Theory]
    [InlineData("320000001000")]
    [InlineData("320001000000")]
    [InlineData("320100001000")]
    [InlineData("320102000001")]
    [InlineData("320000000001")]
    public void Rejects_codes_that_skip_a_level(string text)
    {
        Assert.False(DivisionCode.TryParse(text, out _, out var error));
        Assert.Equal("A division code cannot skip a level (non-zero digits after a zero group).", error);
    }

    [Theory]
    [InlineData("320102400000", "Township digits must be 001-399.")]
    [InlineData("320102999001", "Township digits must be 001-399.")]
    [InlineData("320102001400", "Village digits must be 001-399.")]
    [InlineData("320102001999", "Village digits must be 001-399.")]
    public void Rejects_township_or_village_digits_above_399(string text, string expected)
    {
        Assert.False(DivisionCode.TryParse(text, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Parse_throws_a_format_exception_with_the_reason()
    {
        var exception = Assert.Throws<FormatException>(() => DivisionCode.Parse("320000001000"));

        Assert.Contains("skip a level", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("320000000000", DivisionLevel.Province)]
    [InlineData("320100000000", DivisionLevel.Prefecture)]
    [InlineData("320102000000", DivisionLevel.County)]
    [InlineData("320102001000", DivisionLevel.Township)]
    [InlineData("320102001001", DivisionLevel.Village)]
    public void TryParse_with_the_expected_level_accepts_a_code_of_that_level(string text, DivisionLevel level)
    {
        Assert.True(DivisionCode.TryParse(text, level, out var code, out var error));
        Assert.Null(error);
        Assert.Equal(text, code.Value);
    }

    [Theory]
    [InlineData("320102001000", DivisionLevel.Village, "Expected a village-level code, got a township-level one.")]
    [InlineData("320102001001", DivisionLevel.Township, "Expected a township-level code, got a village-level one.")]
    [InlineData("320000000000", DivisionLevel.County, "Expected a county-level code, got a province-level one.")]
    public void TryParse_with_the_expected_level_rejects_a_code_of_another_level(string text, DivisionLevel level, string expected)
    {
        Assert.False(DivisionCode.TryParse(text, level, out var code, out var error));
        Assert.Equal(expected, error);
        Assert.Equal(default, code);
    }

    [Fact]
    public void TryParse_with_the_expected_level_still_rejects_malformed_codes()
    {
        Assert.False(DivisionCode.TryParse("320000001000", DivisionLevel.Township, out _, out var error));
        Assert.Equal("A division code cannot skip a level (non-zero digits after a zero group).", error);
    }

    [Fact]
    public void From_builds_a_zero_padded_code() =>
        Assert.Equal("320102001007", DivisionCode.From(32, 1, 2, 1, 7).Value);
}
