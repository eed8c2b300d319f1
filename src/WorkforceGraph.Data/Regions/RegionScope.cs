using System.Diagnostics.CodeAnalysis;

namespace WorkforceGraph.Data.Regions;

/// <summary>
/// The part of the country a caller may see and write: every row whose division code starts with
/// <see cref="Prefix"/> (contracts.md, the <c>region</c> claim). An empty prefix is the national scope.
/// The regions above the scope (its ancestors) are visible too, so that a county office sees which
/// prefecture and province it belongs to; their other children are not.
/// </summary>
public readonly record struct RegionScope
{
    // Where a division level's digits end: province 2, prefecture 4, county 6, township 9, village 12.
    private static readonly int[] LevelEnds = [2, 4, 6, 9, 12];

    private readonly string? _prefix;

    private RegionScope(string prefix) => _prefix = prefix;

    /// <summary>The whole country.</summary>
    public static RegionScope National => default;

    /// <summary>The code prefix; empty for the national scope.</summary>
    public string Prefix => _prefix ?? "";

    public bool IsNational => Prefix.Length == 0;

    /// <summary>Inclusive lower bound of the codes in scope (ordinal order).</summary>
    public string From => Prefix;

    /// <summary>Exclusive upper bound of the codes in scope: the prefix with its last digit raised by one.</summary>
    public string To => IsNational ? "" : string.Concat(Prefix.AsSpan(0, Prefix.Length - 1), [(char)(Prefix[^1] + 1)]);

    /// <summary>The 12-digit codes of the regions strictly above the scope (province first); empty when national.</summary>
    public IReadOnlyList<string> AncestorCodes
    {
        get
        {
            var codes = new List<string>();
            foreach (var end in LevelEnds)
            {
                if (end >= Prefix.Length)
                {
                    break;
                }

                codes.Add(Prefix[..end].PadRight(12, '0'));
            }

            return codes;
        }
    }

    /// <summary>Whether a 12-digit division code lies within the scope.</summary>
    public bool Contains(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return code.StartsWith(Prefix, StringComparison.Ordinal);
    }

    /// <summary>
    /// Reads a <c>region</c> claim: <c>00</c> or empty is national; otherwise the significant digits of a
    /// division at some level (2, 4, 6, 9 or 12 digits), e.g. <c>32</c>, <c>3201</c>, <c>320102</c>.
    /// </summary>
    public static bool TryParse(string? text, out RegionScope scope, [NotNullWhen(false)] out string? error)
    {
        scope = National;
        error = null;
        var value = text?.Trim() ?? "";
        if (value.Length == 0 || value == "00")
        {
            return true;
        }

        if (!value.All(char.IsAsciiDigit) || Array.IndexOf(LevelEnds, value.Length) < 0)
        {
            error = "A region scope is 00 (national) or a division-code prefix of 2, 4, 6, 9 or 12 digits.";
            return false;
        }

        if (!DivisionCode.ProvinceDigits.Contains(value[..2]))
        {
            error = $"'{value[..2]}' is not a province code.";
            return false;
        }

        scope = new RegionScope(value);
        return true;
    }

    public static RegionScope Parse(string? text) =>
        TryParse(text, out var scope, out var error) ? scope : throw new FormatException(error);

    public override string ToString() => IsNational ? "00" : Prefix;
}
