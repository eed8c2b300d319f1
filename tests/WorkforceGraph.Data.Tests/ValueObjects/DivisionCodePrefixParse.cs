using WorkforceGraph.Data.Regions;

namespace WorkforceGraph.Data.Tests.ValueObjects;

public sealed class DivisionCodePrefixParse
{
    [Theory]
    [InlineData("")]
    [InlineData("00")]
    public void Empty_and_00_mean_national(string text)
    {
        Assert.True(DivisionCode.TryParsePrefix(text, out var prefix));
        Assert.Equal("", prefix);
    }

    [Theory]
    [InlineData("32")]
    [InlineData("3201")]
    [InlineData("320102")]
    [InlineData("320102001")]
    [InlineData("320102001001")]
    public void Accepts_the_prefix_of_each_level(string text)
    {
        Assert.True(DivisionCode.TryParsePrefix(text, out var prefix));
        Assert.Equal(text, prefix);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("3")]
    [InlineData("320")]
    [InlineData("32010")]
    [InlineData("3201020")]
    [InlineData("32010200100")]
    [InlineData("3201020010010")]
    [InlineData("3a")]
    public void Rejects_lengths_that_end_no_level(string? text)
    {
        Assert.False(DivisionCode.TryParsePrefix(text, out var prefix));
        Assert.Null(prefix);
    }

    [Theory]
    [InlineData("3200")]
    [InlineData("320100")]
    [InlineData("320102000")]
    [InlineData("320102001000")]
    [InlineData("0000")]
    public void Rejects_a_trailing_zero_group(string text) =>
        Assert.False(DivisionCode.TryParsePrefix(text, out _));

    [Theory]
    [InlineData("99")]
    [InlineData("10")]
    [InlineData("9901")]
    public void Rejects_unknown_province_digits(string text) =>
        Assert.False(DivisionCode.TryParsePrefix(text, out _));

    [Theory]
    [InlineData("320102400")]
    [InlineData("320102001400")]
    [InlineData("320001")]
    public void Rejects_prefixes_that_are_not_valid_codes(string text) =>
        Assert.False(DivisionCode.TryParsePrefix(text, out _));
}
