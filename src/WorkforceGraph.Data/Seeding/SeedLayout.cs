using WorkforceGraph.Data.GradeSchemes;
using WorkforceGraph.Data.Posts;
using WorkforceGraph.Data.Trainings;

namespace WorkforceGraph.Data.Seeding;

/// <summary>How many divisions each scale lays out below the real provinces and prefectures.</summary>
internal sealed record ScaleLayout(
    IReadOnlyList<ProvinceDef> Provinces,
    IReadOnlyList<int>? PrefectureDigits,
    int? CountiesPerPrefecture,
    (int Min, int Max) Counties,
    (int Min, int Max) Townships,
    (int Min, int Max) Communities)
{
    public static ScaleLayout For(SeedScale scale) => scale switch
    {
        // 南京, 无锡 (its own 3×12 scheme) and 苏州; four real districts each.
        SeedScale.Demo => new([Geography.Jiangsu], [1, 2, 5], 4, (4, 4), (4, 6), (5, 8)),
        SeedScale.Province => new([Geography.Jiangsu], null, null, (6, 10), (6, 10), (7, 13)),
        SeedScale.National => new(Geography.National, null, null, (6, 10), (8, 12), (7, 13)),
        _ => throw new ArgumentOutOfRangeException(nameof(scale), scale, null),
    };
}

/// <summary>A grade scheme as the generator needs it.</summary>
internal sealed class SchemeInfo(GradeScheme scheme, IReadOnlyList<GradeRange> ranges)
{
    public GradeScheme Scheme { get; } = scheme;

    public (int Min, int Max) Range(PostCategory category)
    {
        foreach (var range in ranges)
        {
            if (range.Category == category)
            {
                return (range.MinGrade, range.MaxGrade);
            }
        }

        throw new InvalidOperationException($"Scheme {Scheme.Code} has no range for {category}.");
    }
}

/// <summary>An urban community that receives workers.</summary>
internal sealed record CommunityInfo(int Id, int ResidentPopulation, int GridCount)
{
    /// <summary>Art. 3: 18 per 10,000 urban residents, rounded up per community.</summary>
    public int StandardStaffing => (int)Math.Ceiling(ResidentPopulation * 18 / 10000.0);
}

/// <summary>A county with what its workers need: address code, scheme, communities, trainings by year.</summary>
internal sealed class CountyInfo(int code, string addressCode, SchemeInfo scheme)
{
    public int Code { get; } = code;

    public string AddressCode { get; } = addressCode;

    public SchemeInfo Scheme { get; } = scheme;

    public List<CommunityInfo> Urban { get; } = [];

    /// <summary>Trainings open to the county's workers (national, provincial, prefecture, county), per calendar year.</summary>
    public SortedDictionary<int, List<Training>> TrainingsByYear { get; } = [];
}
