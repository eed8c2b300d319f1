using WorkforceGraph.Data.Regions;

namespace WorkforceGraph.Data.Tests.ValueObjects;

public sealed class DivisionCodeHierarchy
{
    [Theory]
    [InlineData("320000000000", "32")]
    [InlineData("320100000000", "3201")]
    [InlineData("320102000000", "320102")]
    [InlineData("320102001000", "320102001")]
    [InlineData("320102001001", "320102001001")]
    [InlineData("321000000000", "3210")]
    [InlineData("320110000000", "320110")]
    public void Prefix_drops_the_trailing_zero_groups(string text, string prefix) =>
        Assert.Equal(prefix, DivisionCode.Parse(text).Prefix);

    [Theory]
    [InlineData("320102001001", "320102001000")]
    [InlineData("320102001000", "320102000000")]
    [InlineData("320102000000", "320100000000")]
    [InlineData("320100000000", "320000000000")]
    [InlineData("320102010210", "320102010000")]
    public void Parent_is_the_enclosing_division_one_level_up(string text, string parent) =>
        Assert.Equal(DivisionCode.Parse(parent), DivisionCode.Parse(text).Parent);

    [Fact]
    public void A_province_has_no_parent() =>
        Assert.Null(DivisionCode.Parse("320000000000").Parent);

    [Fact]
    public void Walking_up_from_a_community_visits_every_level_once()
    {
        DivisionCode? code = DivisionCode.Parse("320102001001");
        var levels = new List<DivisionLevel>();
        while (code is { } current)
        {
            levels.Add(current.Level);
            code = current.Parent;
        }

        Assert.Equal(
            [DivisionLevel.Village, DivisionLevel.Township, DivisionLevel.County, DivisionLevel.Prefecture, DivisionLevel.Province],
            levels);
    }

    [Theory]
    [InlineData("320102001001", true)]
    [InlineData("320102001199", true)]
    [InlineData("320102101050", true)]
    [InlineData("320102001200", false)]
    [InlineData("320102201399", false)]
    [InlineData("320102001000", false)]
    [InlineData("320102000000", false)]
    public void IsResidentsCommittee_only_for_village_digits_001_to_199(string text, bool expected) =>
        Assert.Equal(expected, DivisionCode.Parse(text).IsResidentsCommittee);

    [Theory]
    [InlineData("320102001001", "", true)]
    [InlineData("320102001001", "32", true)]
    [InlineData("320102001001", "320102", true)]
    [InlineData("320102001001", "320102001001", true)]
    [InlineData("320102001001", "3202", false)]
    [InlineData("320102001001", "320102002", false)]
    public void IsWithin_tests_the_scope_prefix(string text, string prefix, bool expected) =>
        Assert.Equal(expected, DivisionCode.Parse(text).IsWithin(prefix));
}
