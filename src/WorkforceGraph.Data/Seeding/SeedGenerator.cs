using System.Globalization;
using WorkforceGraph.Data.Assessments;
using WorkforceGraph.Data.Communities;
using WorkforceGraph.Data.GradeSchemes;
using WorkforceGraph.Data.Posts;
using WorkforceGraph.Data.Regions;
using WorkforceGraph.Data.Trainings;
using WorkforceGraph.Data.Workers;

namespace WorkforceGraph.Data.Seeding;

/// <summary>
/// Lays out regions, communities, schemes and trainings (small, kept in memory), then streams workers with
/// their posts, training records and assessments county by county. Every random draw comes from
/// <see cref="Random"/> seeded from the run's seed (per county: seed mixed with the county code), and every
/// date is relative to <see cref="SeedOptions.AsOf"/>, so a run is reproducible byte for byte.
/// </summary>
internal sealed partial class SeedGenerator(SeedOptions options, IBulkWriter writer)
{
    private const int TrainingYears = 4;
    private const int AssessmentYears = 5;

    private readonly DateOnly _asOf = options.AsOf;
    private readonly List<CountyInfo> _counties = [];
    private int _regionId;
    private int _communityId;
    private int _workerId;
    private int _postId;
    private int _recordId;
    private int _assessmentId;

    public int CountyCount => _counties.Count;

    /// <summary>Writes the regions, communities, grade schemes and trainings.</summary>
    public void Layout()
    {
        var layout = ScaleLayout.For(options.Scale);
        var random = new Random(options.RandomSeed);
        var national = new List<Training>();
        var trainingRandom = new Random(Mix(options.RandomSeed, 1));
        var trainings = new List<Training>();
        AddTrainings(trainings, national, trainingRandom, null, "00", "全国");

        var schemes = new List<(GradeScheme Scheme, List<GradeRange> Ranges)>();
        var pending = new List<(CountyInfo County, List<Training> Province, List<Training> Prefecture, List<Training> Own)>();
        foreach (var province in layout.Provinces)
        {
            var provinceRegion = AddRegion(DivisionCode.From(province.Digits), province.Name, RegionLevel.Province, null);
            var provinceScheme = NewScheme(schemes, provinceRegion, $"{province.Abbreviation}-3x18", $"{province.Name}社区工作者三岗十八级岗位等级序列",
                _asOf.AddYears(-4), yearsPerStep: 3, quota: 15, (7, 18), (4, 15), (1, 12));
            var provinceTrainings = new List<Training>();
            AddTrainings(trainings, provinceTrainings, trainingRandom, provinceRegion, province.Digits.ToString("D2", CultureInfo.InvariantCulture), province.Name);

            var prefectures = layout.PrefectureDigits is { } digits
                ? province.Prefectures.Where(p => digits.Contains(p.Digits)).ToList()
                : province.Prefectures.ToList();
            foreach (var prefecture in prefectures)
            {
                var prefectureCode = DivisionCode.From(province.Digits, prefecture.Digits);
                var prefectureRegion = AddRegion(prefectureCode, prefecture.Name, RegionLevel.Prefecture, provinceRegion.Id);
                var scheme = provinceScheme;

                // Art. 4 leaves the sequence to provinces and prefectures: the second prefecture of each
                // province runs its own, shorter 3×12 sequence.
                if (prefecture == province.Prefectures[1])
                {
                    scheme = NewScheme(schemes, prefectureRegion, $"{province.Abbreviation}{prefecture.Digits:D2}-3x12",
                        $"{prefecture.Name}社区工作者三岗十二级岗位等级序列", _asOf.AddYears(-2), yearsPerStep: 2, quota: 20, (5, 12), (3, 10), (1, 8));
                }

                var prefectureTrainings = new List<Training>();
                AddTrainings(trainings, prefectureTrainings, trainingRandom, prefectureRegion, prefectureCode.Value[..4], prefecture.Name);

                foreach (var (county, countyRegion) in LayoutCounties(random, layout, province, prefecture, prefectureRegion.Id, scheme))
                {
                    var own = new List<Training>();
                    AddTrainings(trainings, own, trainingRandom, countyRegion, countyRegion.Code[..6], countyRegion.Name);
                    pending.Add((county, provinceTrainings, prefectureTrainings, own));
                }
            }
        }

        foreach (var (scheme, ranges) in schemes)
        {
            writer.Write(scheme);
            foreach (var range in ranges)
            {
                writer.Write(range);
            }
        }

        foreach (var training in trainings)
        {
            writer.Write(training);
        }

        foreach (var (county, province, prefecture, own) in pending)
        {
            foreach (var training in national.Concat(province).Concat(prefecture).Concat(own))
            {
                if (!county.TrainingsByYear.TryGetValue(training.StartDate.Year, out var list))
                {
                    list = [];
                    county.TrainingsByYear.Add(training.StartDate.Year, list);
                }

                list.Add(training);
            }

            _counties.Add(county);
        }
    }

    /// <summary>Writes the workers of every county, reporting after each.</summary>
    public void Run(Action<int> countyDone, CancellationToken cancellationToken)
    {
        for (var i = 0; i < _counties.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            GenerateCounty(_counties[i]);
            countyDone(i + 1);
        }
    }

    private IEnumerable<(CountyInfo County, Region Region)> LayoutCounties(
        Random random, ScaleLayout layout, ProvinceDef province, PrefectureDef prefecture, int prefectureId, SchemeInfo scheme)
    {
        var defs = prefecture.Counties?.ToList() ?? [];
        var count = layout.CountiesPerPrefecture ?? (defs.Count > 0 ? defs.Count : random.Next(layout.Counties.Min, layout.Counties.Max + 1));
        if (defs.Count < count)
        {
            var used = defs.Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
            var districts = Math.Max(1, (count * 3 + 4) / 5);
            for (var i = defs.Count; i < count; i++)
            {
                var district = i < districts;
                var digits = district ? 2 + i : i % 2 == 0 ? 21 + (i - districts) : 81 + (i - districts);
                var suffix = district ? "区" : i % 2 == 0 ? "县" : "市";
                defs.Add(new CountyDef(digits, PlaceName(random, used, suffix)));
            }
        }

        foreach (var def in defs.Take(count))
        {
            var code = DivisionCode.From(province.Digits, prefecture.Digits, def.Digits);
            var region = AddRegion(code, def.Name, RegionLevel.County, prefectureId);
            var county = new CountyInfo(int.Parse(code.Value.AsSpan(0, 6), CultureInfo.InvariantCulture), code.Value[..6], scheme);
            LayoutTownships(random, layout, code, region.Id, def, county);
            yield return (county, region);
        }
    }

    private void LayoutTownships(Random random, ScaleLayout layout, DivisionCode county, int countyId, CountyDef def, CountyInfo info)
    {
        var count = random.Next(layout.Townships.Min, layout.Townships.Max + 1);
        var isDistrict = def.Name.EndsWith('区');
        var streets = isDistrict ? count - (random.Next(3) == 0 ? 1 : 0) : 1 + random.Next(2);
        var townshipNames = new HashSet<string>(StringComparer.Ordinal);
        var communityNames = new HashSet<string>(StringComparer.Ordinal);
        int province = county.Value[0..2].ToInt(), prefecture = county.Value[2..4].ToInt(), countyDigits = county.Value[4..6].ToInt();
        for (var t = 0; t < count; t++)
        {
            var street = t < streets;
            var digits = street ? t + 1 : 100 + (t - streets);
            var name = street && def.Townships is { } real && t < real.Count && townshipNames.Add(real[t])
                ? real[t]
                : PlaceName(random, townshipNames, street ? "街道" : "镇");
            var code = DivisionCode.From(province, prefecture, countyDigits, digits);
            var township = AddRegion(code, name, RegionLevel.Township, countyId);

            var residents = random.Next(layout.Communities.Min, layout.Communities.Max + 1);
            if (!street)
            {
                residents = Math.Max(1, residents / 3);
            }

            for (var v = 1; v <= residents; v++)
            {
                var population = street ? 3000 + random.Next(12000) : 2000 + random.Next(7000);
                var urbanClass = street ? (random.Next(4) == 0 ? "112" : "111") : Community.UrbanRuralClasses[2 + random.Next(3)];
                var kind = random.Next(20);
                var suffix = kind < 3 ? "新村社区" : kind < 5 ? "花园社区" : "社区";
                var community = AddCommunity(DivisionCode.From(province, prefecture, countyDigits, digits, v), PlaceName(random, communityNames, suffix),
                    urbanClass, township.Id, population, random);
                info.Urban.Add(new CommunityInfo(community.Id, community.ResidentPopulation, community.GridCount));
            }

            if (!street)
            {
                // Villagers' committees: rural units with standard staffing 0 (domain brief, art. 3).
                var villages = 2 + random.Next(5);
                for (var v = 0; v < villages; v++)
                {
                    AddCommunity(DivisionCode.From(province, prefecture, countyDigits, digits, 200 + v + 1), PlaceName(random, communityNames, "村"),
                        random.Next(3) == 0 ? "210" : "220", township.Id, 600 + random.Next(2500), random);
                }
            }
        }
    }

    private Region AddRegion(DivisionCode code, string name, RegionLevel level, int? parentId)
    {
        var region = new Region { Id = ++_regionId, Code = code.Value, Name = name, Level = level, ParentId = parentId };
        writer.Write(region);
        return region;
    }

    private Community AddCommunity(DivisionCode code, string name, string urbanRuralClass, int townshipId, int population, Random random)
    {
        var community = new Community
        {
            Id = ++_communityId,
            Code = code.Value,
            Name = name,
            UrbanRuralClass = urbanRuralClass,
            RegionId = townshipId,
            ResidentPopulation = population,
            Households = population * (33 + random.Next(8)) / 100,
            GridCount = Math.Max(1, (int)Math.Ceiling(population / (double)(500 + random.Next(700)))),
        };
        writer.Write(community);
        return community;
    }

    private static SchemeInfo NewScheme(
        List<(GradeScheme, List<GradeRange>)> schemes, Region region, string code, string name, DateOnly effectiveFrom, int yearsPerStep, int quota,
        (int Min, int Max) principal, (int Min, int Max) deputy, (int Min, int Max) staff)
    {
        var id = schemes.Count + 1;
        var scheme = new GradeScheme
        {
            Id = id,
            Code = code,
            Name = name,
            RegionId = region.Id,
            EffectiveFrom = new DateOnly(effectiveFrom.Year, 1, 1),
            YearsPerStep = yearsPerStep,
            ExcellentQuotaPercent = quota,
        };
        var ranges = new List<GradeRange>
        {
            new() { Id = id * 3 - 2, GradeSchemeId = id, Category = PostCategory.Principal, MinGrade = principal.Min, MaxGrade = principal.Max },
            new() { Id = id * 3 - 1, GradeSchemeId = id, Category = PostCategory.Deputy, MinGrade = deputy.Min, MaxGrade = deputy.Max },
            new() { Id = id * 3, GradeSchemeId = id, Category = PostCategory.Staff, MinGrade = staff.Min, MaxGrade = staff.Max },
        };
        schemes.Add((scheme, ranges));
        return new SchemeInfo(scheme, ranges);
    }

    private void AddTrainings(List<Training> all, List<Training> target, Random random, Region? organizer, string prefix, string organizerName)
    {
        var level = organizer?.Level switch
        {
            null => TrainingLevel.National,
            RegionLevel.Province => TrainingLevel.Provincial,
            RegionLevel.Prefecture => TrainingLevel.Prefecture,
            _ => TrainingLevel.County,
        };
        (string Title, TrainingKind Kind, TrainingMode Mode)[] programmes = level switch
        {
            TrainingLevel.National => [("城市社区党组织书记网络示范培训", TrainingKind.InService, TrainingMode.Online)],
            TrainingLevel.Provincial => [("社区党组织书记示范培训班", TrainingKind.InService, TrainingMode.Offline), ("社区工作者网络专题培训", TrainingKind.Special, TrainingMode.Online)],
            TrainingLevel.Prefecture => [("社区工作者重点培训班", TrainingKind.InService, TrainingMode.Blended), ("社区治理专题培训", TrainingKind.Special, TrainingMode.Offline)],
            _ => [("社区工作者骨干轮训班", TrainingKind.InService, TrainingMode.Offline), ("新任社区工作者初任培训", TrainingKind.Initial, TrainingMode.Offline), ("社区工作者实践锻炼", TrainingKind.Practice, TrainingMode.Offline)],
        };
        for (var year = _asOf.Year - TrainingYears + 1; year <= _asOf.Year; year++)
        {
            for (var i = 0; i < programmes.Length; i++)
            {
                var (title, kind, mode) = programmes[i];
                var start = new DateOnly(year, 3 + random.Next(9), 1 + random.Next(28));
                var days = mode == TrainingMode.Online ? 30 : kind == TrainingKind.Practice ? 10 : 2 + random.Next(4);
                var training = new Training
                {
                    Id = all.Count + 1,
                    Code = string.Create(CultureInfo.InvariantCulture, $"TR-{prefix}-{year}-{i + 1:D2}"),
                    Title = $"{year.ToString(CultureInfo.InvariantCulture)}年{organizerName}{title}",
                    Level = level,
                    Kind = kind,
                    Mode = mode,
                    OrganizerId = organizer?.Id,
                    StartDate = start,
                    EndDate = start.AddDays(days - 1),
                    Hours = mode == TrainingMode.Online ? 16 + 8 * random.Next(3) : Math.Min(days, 5) * 7.5m,
                };
                all.Add(training);
                target.Add(training);
            }
        }
    }

    private static string PlaceName(Random random, HashSet<string> used, string suffix)
    {
        for (var attempt = 0; ; attempt++)
        {
            var name = ChineseNames.PlaceFirst[random.Next(ChineseNames.PlaceFirst.Length)]
                + ChineseNames.PlaceSecond[random.Next(ChineseNames.PlaceSecond.Length)]
                + (attempt < 40 ? "" : ChineseNames.PlaceSecond[random.Next(ChineseNames.PlaceSecond.Length)])
                + suffix;
            if (used.Add(name))
            {
                return name;
            }
        }
    }

    /// <summary>SplitMix64 finalizer: independent streams per county, stable across runs and platforms.</summary>
    internal static int Mix(int seed, int salt)
    {
        var z = ((ulong)(uint)seed << 32) | (uint)salt;
        z += 0x9E3779B97F4A7C15;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        z ^= z >> 31;
        return (int)(z & 0x7FFFFFFF);
    }
}

internal static class SeedStringExtensions
{
    public static int ToInt(this string digits) => int.Parse(digits, CultureInfo.InvariantCulture);
}
