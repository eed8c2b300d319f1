using WorkforceGraph.Data.Workers;

namespace WorkforceGraph.Data.Tests.ValueObjects;

public sealed class IdNumberParse
{
    // Check characters worked out by hand with MOD 11-2 (domain brief, "Resident ID numbers"):
    // 11010519491231002: sum 167, 167 mod 11 = 2 -> X (the commonly quoted sample).
    // 32010219850315123: sum 210, 210 mod 11 = 1 -> 0.
    // 32010219900106123: sum 178, 178 mod 11 = 2 -> X.
    // 32010220000229246: sum 183, 183 mod 11 = 7 -> 5 (29 February of a leap year).
    [Theory]
    [InlineData("11010519491231002X")]
    [InlineData("320102198503151230")]
    [InlineData("32010219900106123X")]
    [InlineData("320102200002292465")]
    public void Accepts_numbers_whose_check_character_matches(string text)
    {
        Assert.True(IdNumber.TryParse(text, out var id, out var error));
        Assert.Null(error);
        Assert.Equal(text, id.Unmasked);
    }

    [Fact]
    public void Accepts_lowercase_x_and_stores_it_uppercase()
    {
        var id = IdNumber.Parse("11010519491231002x");

        Assert.Equal("11010519491231002X", id.Unmasked);
        Assert.Equal(IdNumber.Parse("11010519491231002X"), id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("32010219850315123")]
    [InlineData("3201021985031512300")]
    [InlineData("320102850315123")]
    public void Rejects_numbers_that_are_not_18_characters(string text)
    {
        Assert.False(IdNumber.TryParse(text, out var id, out var error));
        Assert.Equal("An ID number has exactly 18 characters.", error);
        Assert.Equal(default, id);
    }

    [Fact]
    public void Rejects_null()
    {
        Assert.False(IdNumber.TryParse(null, out _, out var error));
        Assert.NotNull(error);
    }

    [Theory]
    [InlineData("X20102198503151230")]
    [InlineData("3201021985031512X0")]
    [InlineData("32010219850315 230")]
    [InlineData("32010219850315-230")]
    [InlineData("٣20102198503151230")]
    public void Rejects_non_digits_in_the_first_17_characters(string text)
    {
        Assert.False(IdNumber.TryParse(text, out _, out var error));
        Assert.Equal("The first 17 characters of an ID number are digits.", error);
    }

    [Theory]
    [InlineData("20230230")]
    [InlineData("19900230")]
    [InlineData("19901301")]
    [InlineData("19900001")]
    [InlineData("19900100")]
    [InlineData("19010229")]
    public void Rejects_impossible_birth_dates(string birthDate)
    {
        // Give each number the right check character, so the date is the only fault.
        var first17 = $"320102{birthDate}123";
        var text = first17 + IdNumber.CheckCharacter(first17);

        Assert.False(IdNumber.TryParse(text, out _, out var error));
        Assert.Equal("The birth date in the ID number is impossible.", error);
    }

    [Theory]
    [InlineData("320102198503151231")]
    [InlineData("32010219850315123X")]
    [InlineData("11010519491231002A")]
    [InlineData("110105194912310029")]
    [InlineData("110105194912310020")]
    public void Rejects_a_wrong_check_character(string text)
    {
        Assert.False(IdNumber.TryParse(text, out _, out var error));
        Assert.Equal("The ID number's check character is wrong.", error);
    }

    [Fact]
    public void Parse_throws_a_format_exception_for_an_invalid_number()
    {
        var exception = Assert.Throws<FormatException>(() => IdNumber.Parse("320102198503151231"));

        Assert.Equal("The ID number's check character is wrong.", exception.Message);
    }

    [Theory]
    [InlineData("32010219850315123", '0')]
    [InlineData("11010519491231002", 'X')]
    [InlineData("32010219900101123", '2')]
    [InlineData("32010219900102123", '8')]
    public void CheckCharacter_follows_mod_11_2(string first17, char expected) =>
        Assert.Equal(expected, IdNumber.CheckCharacter(first17));
}
