using WorkforceGraph.Data.Workers;

namespace WorkforceGraph.Data.Tests.ValueObjects;

public sealed class IdNumberMasking
{
    private const string Number = "32010219900106123X";
    private const string Middle = "0219900106";

    [Fact]
    public void ToString_returns_the_masked_form()
    {
        var id = IdNumber.Parse(Number);

        Assert.Equal("3201**********123X", id.ToString());
        Assert.DoesNotContain(Middle, id.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void String_interpolation_never_leaks_the_number()
    {
        var id = IdNumber.Parse(Number);
        object boxed = id;

        var texts = new[]
        {
            $"worker {id}",
            $"worker {id,30}",
            $"worker {boxed}",
            string.Format(System.Globalization.CultureInfo.InvariantCulture, "worker {0}", id),
            string.Concat("worker ", id),
            new List<IdNumber> { id }.Single().ToString(),
        };

        Assert.All(texts, text =>
        {
            Assert.Contains("3201**********123X", text, StringComparison.Ordinal);
            Assert.DoesNotContain(Middle, text, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("")]
    [InlineData("3201021990010612")]
    [InlineData("32010219900106123X0")]
    [InlineData("32010219900106A23X")]
    [InlineData("320102202302301230")]
    [InlineData("320102199001061231")]
    public void Error_messages_never_contain_the_number(string text)
    {
        Assert.False(IdNumber.TryParse(text, out _, out var error));
        var exception = Assert.Throws<FormatException>(() => IdNumber.Parse(text));

        foreach (var message in new[] { error, exception.Message, exception.ToString() })
        {
            Assert.DoesNotContain("0219900106", message, StringComparison.Ordinal);
            Assert.DoesNotContain("20230230", message, StringComparison.Ordinal);
            if (text.Length > 0)
            {
                Assert.DoesNotContain(text, message, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData("32010219900106123X", "3201**********123X")]
    [InlineData("320102198503151230", "3201**********1230")]
    [InlineData("123456789", "1234*6789")]
    [InlineData("12345678", "********")]
    [InlineData("", "")]
    public void Mask_keeps_the_first_4_and_last_4_characters(string text, string expected) =>
        Assert.Equal(expected, IdNumber.Mask(text));

    [Fact]
    public void Masked_equals_Mask_of_the_number() =>
        Assert.Equal("3201**********123X", IdNumber.Parse(Number).Masked);

    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("02584561234", "025****1234")]
    [InlineData("12345678", "123*5678")]
    [InlineData("1234567", "*******")]
    [InlineData("", "")]
    public void PhoneNumber_Mask_keeps_the_first_3_and_last_4_characters(string phone, string expected) =>
        Assert.Equal(expected, PhoneNumber.Mask(phone));
}
