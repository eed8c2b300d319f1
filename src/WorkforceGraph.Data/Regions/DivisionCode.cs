using System.Diagnostics.CodeAnalysis;

namespace WorkforceGraph.Data.Regions;

/// <summary>Level of a 12-digit statistical division code (统计用区划代码).</summary>
public enum DivisionLevel
{
    Province,
    Prefecture,
    County,
    Township,
    Village,
}

/// <summary>
/// A 12-digit statistical division code: province 2 + prefecture 2 + county 2 + township 3 + village 3,
/// zero-padded. The one place that knows the format (domain brief, "Division codes").
/// </summary>
public readonly record struct DivisionCode
{
    /// <summary>The 31 provincial-level divisions of the mainland (GB/T 2260 first two digits).</summary>
    public static readonly IReadOnlySet<string> ProvinceDigits = new HashSet<string>(StringComparer.Ordinal)
    {
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41",
        "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
    };

    // Where each level's digits end: province 2, prefecture 4, county 6, township 9, village 12.
    private static readonly int[] LevelEnds = [2, 4, 6, 9, 12];

    private readonly string? _value;

    private DivisionCode(string value) => _value = value;

    /// <summary>The 12 digits.</summary>
    public string Value => _value ?? "000000000000";

    /// <summary>The most specific level whose digits are not all zero.</summary>
    public DivisionLevel Level
    {
        get
        {
            var v = Value;
            for (var level = LevelEnds.Length - 1; level > 0; level--)
            {
                if (!IsZero(v, LevelEnds[level - 1], LevelEnds[level]))
                {
                    return (DivisionLevel)level;
                }
            }

            return DivisionLevel.Province;
        }
    }

    /// <summary>The scope prefix: the leading digits with trailing zero groups removed (32, 3201, 320102…).</summary>
    public string Prefix => Value[..LevelEnds[(int)Level]];

    /// <summary>The code of the enclosing division one level up; null for a province.</summary>
    public DivisionCode? Parent
    {
        get
        {
            var level = (int)Level;
            return level == 0 ? null : new DivisionCode(Value[..LevelEnds[level - 1]].PadRight(12, '0'));
        }
    }

    /// <summary>For a township: 001–099 street office (街道), 100–199 town, 200–399 township.</summary>
    public int TownshipDigits => int.Parse(Value.AsSpan(6, 3), provider: System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>For a village-level unit: 001–199 residents' committee, 200–399 villagers' committee.</summary>
    public int VillageDigits => int.Parse(Value.AsSpan(9, 3), provider: System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Whether the code is a residents' committee (urban community) rather than a villagers' committee.</summary>
    public bool IsResidentsCommittee => Level == DivisionLevel.Village && VillageDigits is >= 1 and <= 199;

    /// <summary>Parses a full 12-digit code.</summary>
    public static DivisionCode Parse(string text) =>
        TryParse(text, out var code, out var error) ? code : throw new FormatException(error);

    /// <summary>Parses a full 12-digit code, with the reason when it is not one.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out DivisionCode code, [NotNullWhen(false)] out string? error)
    {
        code = default;
        if (text is null || text.Length != 12 || !text.All(char.IsAsciiDigit))
        {
            error = "A division code has exactly 12 digits.";
            return false;
        }

        if (!ProvinceDigits.Contains(text[..2]))
        {
            error = $"'{text[..2]}' is not a province code.";
            return false;
        }

        // Once a level is all zeros, every level below it must be zero too (320000001000 is malformed).
        var zeroSeen = false;
        for (var level = 1; level < LevelEnds.Length; level++)
        {
            var zero = IsZero(text, LevelEnds[level - 1], LevelEnds[level]);
            if (zeroSeen && !zero)
            {
                error = "A division code cannot skip a level (non-zero digits after a zero group).";
                return false;
            }

            zeroSeen |= zero;
        }

        if (!IsZero(text, 6, 9) && int.Parse(text.AsSpan(6, 3), provider: System.Globalization.CultureInfo.InvariantCulture) > 399)
        {
            error = "Township digits must be 001-399.";
            return false;
        }

        if (!IsZero(text, 9, 12) && int.Parse(text.AsSpan(9, 3), provider: System.Globalization.CultureInfo.InvariantCulture) > 399)
        {
            error = "Village digits must be 001-399.";
            return false;
        }

        code = new DivisionCode(text);
        error = null;
        return true;
    }

    /// <summary>Parses a code and requires its level.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, DivisionLevel level, out DivisionCode code, [NotNullWhen(false)] out string? error)
    {
        if (!TryParse(text, out code, out error))
        {
            return false;
        }

        if (code.Level != level)
        {
            error = $"Expected a {level.ToString().ToLowerInvariant()}-level code, got a {code.Level.ToString().ToLowerInvariant()}-level one.";
            code = default;
            return false;
        }

        return true;
    }

    /// <summary>
    /// Parses a scope prefix (2, 4, 6, 9 or 12 digits, e.g. "3201"); "" and "00" mean national and give "".
    /// </summary>
    public static bool TryParsePrefix(string? text, [NotNullWhen(true)] out string? prefix)
    {
        prefix = null;
        if (text is null)
        {
            return false;
        }

        if (text.Length == 0 || text == "00")
        {
            prefix = "";
            return true;
        }

        if (Array.IndexOf(LevelEnds, text.Length) < 0 || !TryParse(text.PadRight(12, '0'), out var code, out _) || code.Prefix != text)
        {
            return false;
        }

        prefix = text;
        return true;
    }

    /// <summary>Builds a code from its parts (used by the data generator).</summary>
    public static DivisionCode From(int province, int prefecture = 0, int county = 0, int township = 0, int village = 0) =>
        Parse(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{province:D2}{prefecture:D2}{county:D2}{township:D3}{village:D3}"));

    /// <summary>Whether this code lies within the scope prefix ("" = national).</summary>
    public bool IsWithin(string prefix) => Value.StartsWith(prefix, StringComparison.Ordinal);

    /// <inheritdoc />
    public override string ToString() => Value;

    private static bool IsZero(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (text[i] != '0')
            {
                return false;
            }
        }

        return true;
    }
}
