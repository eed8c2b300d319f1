using System.Linq.Expressions;
using GraphQL.Types;
using WorkforceGraph.Data.Communities;
using WorkforceGraph.Data.Posts;
using WorkforceGraph.Data.Workers;
using WorkforceGraph.Features.Posts;
using WorkforceGraph.Features.Rules;
using WorkforceGraph.Features.Workers;
using WorkforceGraph.GraphQL.Conventions.Expressions;

namespace WorkforceGraph.Features.Statistics;

/// <summary>
/// How each <see cref="WorkforceDimension"/> keys a worker: an expression SQL groups by (null = the NONE group), the
/// value a grouped key stands for, the order of the values, and their Chinese labels (domain.md "Statistics
/// dimensions"). Enum dimensions group on the stored column (enums are stored by name) and are named after the
/// GROUP BY, once per group; region dimensions group on the code's prefix.
/// </summary>
internal sealed class Dimension
{
    public const string None = "NONE";

    private readonly Func<DateOnly, LambdaExpression> _key;
    private readonly Func<object, string> _value;
    private readonly IReadOnlyList<(string Value, string Label)> _values;

    private Dimension(
        WorkforceDimension id, Func<DateOnly, LambdaExpression> key, Func<object, string> value, IReadOnlyList<(string Value, string Label)> values,
        string noneLabel, int regionDigits = 0)
    {
        Id = id;
        _key = key;
        _value = value;
        _values = values;
        NoneLabel = noneLabel;
        RegionDigits = regionDigits;
    }

    public WorkforceDimension Id { get; }

    /// <summary>Digits of the division code this dimension groups by (0 for the others): values are then codes.</summary>
    public int RegionDigits { get; }

    public string NoneLabel { get; }

    /// <summary>Worker → grouping key (null for NONE), for "today".</summary>
    public LambdaExpression Key(DateOnly today) => _key(today);

    /// <summary>The value a non-null grouping key stands for: a 12-digit code, an enum value name or a band.</summary>
    public string Value(object key) => _value(key);

    /// <summary>The label of a fixed value (enums and bands); region labels come from the database.</summary>
    public string? Label(string value) => _values.FirstOrDefault(v => v.Value == value).Label;

    /// <summary>Sort rank: codes in code order, enums in declaration order, bands in band order, NONE last.</summary>
    public (int Rank, string Text) Rank(string value)
    {
        if (value == None)
        {
            return (int.MaxValue, "");
        }

        if (RegionDigits > 0)
        {
            return (0, value);
        }

        for (var i = 0; i < _values.Count; i++)
        {
            if (_values[i].Value == value)
            {
                return (i, "");
            }
        }

        return (int.MaxValue - 1, value);
    }

    public static IReadOnlyDictionary<WorkforceDimension, Dimension> All { get; } = Build().ToDictionary(d => d.Id);

    private static IEnumerable<Dimension> Build()
    {
        yield return Region(WorkforceDimension.Province, 2);
        yield return Region(WorkforceDimension.Prefecture, 4);
        yield return Region(WorkforceDimension.County, 6);
        yield return Region(WorkforceDimension.Township, 9);
        yield return Region(WorkforceDimension.Community, 12);
        yield return Enum(WorkforceDimension.Gender, new GenderGraphType(), GenderGraphType.Labels, w => w.Gender);
        yield return Band(WorkforceDimension.AgeBand, WorkerRules.Age, [(29, "0-29", "29岁及以下"), (39, "30-39", "30-39岁"), (49, "40-49", "40-49岁"), (59, "50-59", "50-59岁"), (int.MaxValue, "60-", "60岁及以上")]);
        yield return Enum(WorkforceDimension.Education, new EducationLevelGraphType(), EducationLevelGraphType.Labels, w => w.Education);
        yield return Enum(WorkforceDimension.PoliticalStatus, new PoliticalStatusGraphType(), PoliticalStatusGraphType.Labels, w => w.PoliticalStatus);
        yield return Enum(WorkforceDimension.EmploymentType, new EmploymentTypeGraphType(), EmploymentTypeGraphType.Labels, w => w.EmploymentType);
        yield return CurrentPost(WorkforceDimension.PostCategory, new PostCategoryGraphType(), PostCategoryGraphType.Labels, WorkerRules.CurrentCategory);
        yield return CurrentPost(WorkforceDimension.PostRole, new PostRoleGraphType(), PostRoleGraphType.Labels, WorkerRules.CurrentRole);
        yield return Enum(WorkforceDimension.SocialWorkQualification, new SocialWorkQualificationGraphType(), SocialWorkQualificationGraphType.Labels, w => w.SocialWorkQualification, "无");
        yield return Band(WorkforceDimension.ServiceYearsBand, WorkerRules.ServiceYears, [(2, "0-2", "2年及以下"), (5, "3-5", "3-5年"), (9, "6-9", "6-9年"), (14, "10-14", "10-14年"), (int.MaxValue, "15-", "15年及以上")]);
        yield return Enum(WorkforceDimension.Status, new WorkerStatusGraphType(), WorkerStatusGraphType.Labels, w => w.Status);
    }

    // The community of record's code, cut to the level's digits (padded to 12 after grouping). Without a community
    // the LEFT JOIN gives NULL and so does the substring: no CASE needed.
    private static Dimension Region(WorkforceDimension id, int digits)
    {
        var worker = Expression.Parameter(typeof(Worker), "w");
        var code = Expression.Property(Expression.Property(worker, nameof(Worker.Community)), nameof(Community.Code));
        var key = Expression.Lambda<Func<Worker, string?>>(
            Expression.Call(code, typeof(string).GetMethod(nameof(string.Substring), [typeof(int), typeof(int)])!, Expression.Constant(0), Expression.Constant(digits)),
            worker);
        return new Dimension(id, _ => key, k => ((string)k).PadRight(12, '0'), [], "未填写", digits);
    }

    // The enum column itself: SQL groups on the stored name, the GraphQL value name is looked up per group.
    private static Dimension Enum<TEnum>(
        WorkforceDimension id, EnumerationGraphType type, IReadOnlyDictionary<TEnum, (string Label, string Description)> labels,
        Expression<Func<Worker, TEnum>> selector, string noneLabel = "未填写")
        where TEnum : struct, System.Enum =>
        Enum(id, type, labels, Expression.Lambda<Func<Worker, TEnum?>>(Expression.Convert(selector.Body, typeof(TEnum?)), selector.Parameters), noneLabel);

    private static Dimension Enum<TEnum>(
        WorkforceDimension id, EnumerationGraphType type, IReadOnlyDictionary<TEnum, (string Label, string Description)> labels,
        Expression<Func<Worker, TEnum?>> selector, string noneLabel = "未填写")
        where TEnum : struct, System.Enum
    {
        var names = Names<TEnum>(type);
        return new Dimension(id, _ => selector, Namer(names), [.. names.Select(n => (n.Name, labels[n.Value].Label))], noneLabel);
    }

    // The current post's category or role, read inside the current-post subquery (one subquery) and named per group.
    private static Dimension CurrentPost<TEnum>(
        WorkforceDimension id, EnumerationGraphType type, IReadOnlyDictionary<TEnum, (string Label, string Description)> labels,
        Func<DateOnly, Expression<Func<Worker, TEnum?>>> selector)
        where TEnum : struct, System.Enum
    {
        var names = Names<TEnum>(type);
        return new Dimension(id, selector, Namer(names), [.. names.Select(n => (n.Name, labels[n.Value].Label))], "无");
    }

    private static Dimension Band(WorkforceDimension id, Func<DateOnly, Expression<Func<Worker, int>>> measure, (int Max, string Value, string Label)[] bands) =>
        new(id, today =>
        {
            var years = measure(today);
            Expression body = Expression.Constant(bands[^1].Value, typeof(string));
            for (var i = bands.Length - 2; i >= 0; i--)
            {
                body = Expression.Condition(Expression.LessThanOrEqual(years.Body, Expression.Constant(bands[i].Max)), Expression.Constant(bands[i].Value, typeof(string)), body);
            }

            return Expression.Lambda<Func<Worker, string?>>(body, years.Parameters);
        }, k => (string)k, [.. bands.Select(b => (b.Value, b.Label))], "未填写");

    private static List<(TEnum Value, string Name)> Names<TEnum>(EnumerationGraphType type)
        where TEnum : struct, System.Enum =>
        [.. type.Values.Select(v => ((TEnum)v.Value!, v.Name))];

    private static Func<object, string> Namer<TEnum>(List<(TEnum Value, string Name)> names)
        where TEnum : struct, System.Enum
    {
        var byValue = names.ToDictionary(n => n.Value, n => n.Name);
        return k => byValue[(TEnum)k];
    }

    internal static Expression Rebind(LambdaExpression key, Expression worker) => ExpressionTools.Rebind(key, worker);
}
