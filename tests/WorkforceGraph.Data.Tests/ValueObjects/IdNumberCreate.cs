using WorkforceGraph.Data.Workers;

namespace WorkforceGraph.Data.Tests.ValueObjects;

public sealed class IdNumberCreate
{
    [Theory]
    [InlineData("320102", 1985, 3, 15, 123, "320102198503151230")]
    [InlineData("110105", 1949, 12, 31, 2, "11010519491231002X")]
    [InlineData("320102", 2000, 2, 29, 246, "320102200002292465")]
    public void Creates_the_number_with_its_check_character(string address, int year, int month, int day, int sequence, string expected) =>
        Assert.Equal(expected, IdNumber.Create(address, new DateOnly(year, month, day), sequence).Unmasked);

    [Fact]
    public void Created_numbers_parse_back_with_the_same_birth_date_and_gender()
    {
        // A fixed seed: the same numbers on every run.
        var random = new Random(20240328);
        for (var i = 0; i < 500; i++)
        {
            var birthDate = new DateOnly(1940, 1, 1).AddDays(random.Next(0, 30_000));
            var sequence = random.Next(0, 1000);
            var address = random.Next(110000, 660000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

            var created = IdNumber.Create(address, birthDate, sequence);

            Assert.True(IdNumber.TryParse(created.Unmasked, out var parsed, out var error), error);
            Assert.Equal(created, parsed);
            Assert.Equal(birthDate, parsed.BirthDate);
            Assert.Equal(sequence % 2 == 1 ? Gender.Male : Gender.Female, parsed.Gender);
        }
    }

    [Theory]
    [InlineData("32010")]
    [InlineData("3201020")]
    public void Rejects_an_address_code_that_is_not_6_characters(string address) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => IdNumber.Create(address, new DateOnly(1985, 3, 15), 123));

    [Theory]
    [InlineData("32010A")]
    [InlineData("-20102")]
    [InlineData("３20102")]
    public void Rejects_an_address_code_with_non_digits(string address) =>
        Assert.Throws<ArgumentException>(() => IdNumber.Create(address, new DateOnly(1985, 3, 15), 123));

    [Fact]
    public void Rejects_a_birth_date_that_Parse_would_reject() =>
        Assert.Throws<ArgumentException>(() => IdNumber.Create("320102", new DateOnly(1899, 12, 31), 123));

    [Theory]
    [InlineData(-1)]
    [InlineData(1000)]
    public void Rejects_a_sequence_outside_000_to_999(int sequence) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => IdNumber.Create("320102", new DateOnly(1985, 3, 15), sequence));
}
