using System.Linq.Expressions;
using GraphQL.Types;
using WorkforceGraph.Data.Posts;
using WorkforceGraph.Data.Workers;
using WorkforceGraph.Features.Posts;
using WorkforceGraph.Features.Rules;
using WorkforceGraph.Features.Workers;
using WorkforceGraph.GraphQL.Conventions.Expressions;

namespace WorkforceGraph.Features.Statistics;

/// <summary>
/// How each <see cref="WorkforceDimension"/> keys a worker: an expression to a string value that SQL groups by
/// (null = the NONE group), the order of its values, and their Chinese labels (domain.md "Statistics dimensions").
/// </summary>
internal sealed class Dimension
{
    public const string None = "NONE";

    private readonly Func<DateOnly, LambdaExpression> _key;
    private readonly IReadOnlyList<(string Value, string Label)> _values;

    private Dimension(WorkforceDimension id, Func<DateOnly, LambdaExpression> key, IReadOnlyList<(string Value, string Label)> values, string noneLabel, int regionDigits = 0)
    {
        Id = id;
        _key = key;
        _values = values;
        NoneLabel = noneLabel;
        RegionDigits = regionDigits;
    }

    public WorkforceDimension Id { get; }

    /// <summary>Digits of the division code this dimension groups by (0 for the others): values are then codes.</summary>
    public int RegionDigits { get; }

    public string NoneLabel { get; }

    /// <summary>Worker → value (null for NONE), for "today".</summary>
    public LambdaExpression Key(DateOnly today) => _key(today);

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
        yield return CurrentPost(WorkforceDimension.PostCategory, new PostCategoryGraphType(), PostCategoryGraphType.Labels, p => p.Category);
        yield return CurrentPost(WorkforceDimension.PostRole, new PostRoleGraphType(), PostRoleGraphType.Labels, p => p.Role);
        yield return Enum(WorkforceDimension.SocialWorkQualification, new SocialWorkQualificationGraphType(), SocialWorkQualificationGraphType.Labels, w => w.SocialWorkQualification, "无");
        yield return Band(WorkforceDimension.ServiceYearsBand, WorkerRules.ServiceYears, [(2, "0-2", "2年及以下"), (5, "3-5", "3-5年"), (9, "6-9", "6-9年"), (14, "10-14", "10-14年"), (int.MaxValue, "15-", "15年及以上")]);
        yield return Enum(WorkforceDimension.Status, new WorkerStatusGraphType(), WorkerStatusGraphType.Labels, w => w.Status);
    }

    // The community of record's code, cut to the level's digits (padded to 12 after grouping).
    private static Dimension Region(WorkforceDimension id, int digits)
    {
        Expression<Func<Worker, string?>> key = w => w.Community == null ? null : w.Community.Code.Substring(0, digits);
        return new Dimension(id, _ => key, [], "未填写", digits);
    }

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
        var key = Expression.Lambda<Func<Worker, string?>>(Case(selector.Body, names), selector.Parameters);
        return new Dimension(id, _ => key, [.. names.Select(n => (n.Name, labels[n.Value].Label))], noneLabel);
    }

    // The current post's category or role, mapped to its name inside the current-post subquery (one subquery).
    private static Dimension CurrentPost<TEnum>(
        WorkforceDimension id, EnumerationGraphType type, IReadOnlyDictionary<TEnum, (string Label, string Description)> labels,
        Expression<Func<Post, TEnum>> selector)
        where TEnum : struct, System.Enum
    {
        var names = Names<TEnum>(type);
        var name = Expression.Lambda<Func<Post, string?>>(Case(Expression.Convert(selector.Body, typeof(TEnum?)), names), selector.Parameters);
        return new Dimension(id, today => WorkerRules.OfCurrentPost(today, name), [.. names.Select(n => (n.Name, labels[n.Value].Label))], "无");
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
        }, [.. bands.Select(b => (b.Value, b.Label))], "未填写");

    private static List<(TEnum Value, string Name)> Names<TEnum>(EnumerationGraphType type)
        where TEnum : struct, System.Enum =>
        [.. type.Values.Select(v => ((TEnum)v.Value!, v.Name))];

    // value == a ? "A" : value == b ? "B" : … : null
    private static Expression Case<TEnum>(Expression value, List<(TEnum Value, string Name)> names)
        where TEnum : struct, System.Enum
    {
        Expression result = Expression.Constant(null, typeof(string));
        for (var i = names.Count - 1; i >= 0; i--)
        {
            result = Expression.Condition(
                Expression.Equal(value, Expression.Constant(names[i].Value, typeof(TEnum?))),
                Expression.Constant(names[i].Name, typeof(string)),
                result);
        }

        return result;
    }

    internal static Expression Rebind(LambdaExpression key, Expression worker) => ExpressionTools.Rebind(key, worker);
}
