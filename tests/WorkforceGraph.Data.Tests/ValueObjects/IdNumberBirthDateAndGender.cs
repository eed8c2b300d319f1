using WorkforceGraph.Data.Workers;

namespace WorkforceGraph.Data.Tests.ValueObjects;

public sealed class IdNumberBirthDateAndGender
{
    [Theory]
    [InlineData("11010519491231002X", 1949, 12, 31)]
    [InlineData("320102198503151230", 1985, 3, 15)]
    [InlineData("320102200002292465", 2000, 2, 29)]
    public void BirthDate_is_read_from_characters_7_to_14(string text, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), IdNumber.Parse(text).BirthDate);

    [Theory]
    [InlineData("320102198503151230", Gender.Male)]
    [InlineData("32010219900106123X", Gender.Male)]
    [InlineData("11010519491231002X", Gender.Female)]
    [InlineData("320102200002292465", Gender.Female)]
    public void Gender_is_male_for_an_odd_sequence_and_female_for_an_even_one(string text, Gender expected) =>
        Assert.Equal(expected, IdNumber.Parse(text).Gender);

    [Fact]
    public void AgreesWith_a_record_with_the_same_birth_date_and_gender() =>
        Assert.True(IdNumber.Parse("320102198503151230").AgreesWith(new DateOnly(1985, 3, 15), Gender.Male));

    [Fact]
    public void Does_not_agree_with_a_record_with_another_birth_date() =>
        Assert.False(IdNumber.Parse("320102198503151230").AgreesWith(new DateOnly(1985, 3, 16), Gender.Male));

    [Fact]
    public void Does_not_agree_with_a_record_with_another_gender() =>
        Assert.False(IdNumber.Parse("320102198503151230").AgreesWith(new DateOnly(1985, 3, 15), Gender.Female));
}
