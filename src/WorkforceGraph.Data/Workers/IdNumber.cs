using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace WorkforceGraph.Data.Workers;

/// <summary>
/// An 18-character resident ID number (GB 11643): address 6 + birth date 8 + sequence 3 (odd = male)
/// + ISO 7064 MOD 11-2 check character. Sensitive personal information (PIPL art. 28):
/// <see cref="ToString"/> returns the masked form; the raw value is only <see cref="Unmasked"/>.
/// </summary>
public readonly record struct IdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    private readonly string? _value;

    private IdNumber(string value) => _value = value;

    /// <summary>The raw 18 characters. Only the pii:read path, the database mapping and exports may use it.</summary>
    public string Unmasked => _value ?? string.Empty;

    /// <summary>The birth date encoded in characters 7–14.</summary>
    public DateOnly BirthDate => DateOnly.ParseExact(Unmasked.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>Sex encoded by the parity of the sequence (odd = male).</summary>
    public Gender Gender => (Unmasked[16] - '0') % 2 == 1 ? Gender.Male : Gender.Female;

    /// <summary>The masked form shown to callers without pii:read, e.g. 3201**********123X.</summary>
    public string Masked => Mask(Unmasked);

    /// <summary>Masks an ID number text: first 4 and last 4 characters kept.</summary>
    public static string Mask(string text) =>
        text.Length <= 8 ? new string('*', text.Length) : string.Concat(text.AsSpan(0, 4), new string('*', text.Length - 8), text.AsSpan(text.Length - 4));

    /// <summary>Parses and validates; throws <see cref="FormatException"/> without echoing the value.</summary>
    public static IdNumber Parse(string text) =>
        TryParse(text, out var id, out var error) ? id : throw new FormatException(error);

    /// <summary>Validates length, digits, birth date and check character. The error never contains the value.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out IdNumber id, [NotNullWhen(false)] out string? error)
    {
        id = default;
        if (text is null || text.Length != 18)
        {
            error = "An ID number has exactly 18 characters.";
            return false;
        }

        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                error = "The first 17 characters of an ID number are digits.";
                return false;
            }
        }

        if (!DateOnly.TryParseExact(text.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth.Year < 1900)
        {
            error = "The birth date in the ID number is impossible.";
            return false;
        }

        var check = char.ToUpperInvariant(text[17]);
        if (check != CheckCharacter(text.AsSpan(0, 17)))
        {
            error = "The ID number's check character is wrong.";
            return false;
        }

        id = new IdNumber(string.Concat(text.AsSpan(0, 17), [check]));
        error = null;
        return true;
    }

    /// <summary>Builds a valid ID number from its parts (used by the data generator).</summary>
    public static IdNumber Create(string addressCode, DateOnly birthDate, int sequence)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(addressCode.Length, 6);
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, 999);
        if (!addressCode.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("An address code is 6 digits.", nameof(addressCode));
        }

        var body = string.Create(CultureInfo.InvariantCulture, $"{addressCode}{birthDate:yyyyMMdd}{sequence:D3}");

        // Through TryParse, so Create can never make a number that Parse (and so the EF converter) rejects.
        return TryParse(string.Concat(body, [CheckCharacter(body)]), out var id, out var error)
            ? id
            : throw new ArgumentException(error, nameof(birthDate));
    }

    /// <summary>The MOD 11-2 check character of the first 17 digits.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    /// <summary>Whether the birth date and sex encoded in the number agree with the record.</summary>
    public bool AgreesWith(DateOnly birthDate, Gender gender) => BirthDate == birthDate && Gender == gender;

    /// <summary>The masked form: a stray log line or interpolation never leaks the number.</summary>
    public override string ToString() => Masked;
}
