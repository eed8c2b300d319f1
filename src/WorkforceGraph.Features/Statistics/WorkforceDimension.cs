using WorkforceGraph.Features.Common;

namespace WorkforceGraph.Features.Statistics;

/// <summary>Dimensions of <c>workforceStatistics</c> (art. 16; domain.md "Statistics dimensions").</summary>
public enum WorkforceDimension
{
    Province,
    Prefecture,
    County,
    Township,
    Community,
    Gender,
    AgeBand,
    Education,
    PoliticalStatus,
    EmploymentType,
    PostCategory,
    PostRole,
    SocialWorkQualification,
    ServiceYearsBand,
    Status,
}

/// <summary>GraphQL enum <c>WorkforceDimension</c>.</summary>
public sealed class WorkforceDimensionGraphType() : DescribedEnumGraphType<WorkforceDimension>(
    "WorkforceDimension", "A dimension to group head counts by.", Labels)
{
    public static readonly IReadOnlyDictionary<WorkforceDimension, (string Label, string Description)> Labels = new Dictionary<WorkforceDimension, (string, string)>
    {
        [WorkforceDimension.Province] = ("省", "province of the community of record; value: its 12-digit code"),
        [WorkforceDimension.Prefecture] = ("地市", "prefecture of the community of record; value: its 12-digit code"),
        [WorkforceDimension.County] = ("县区", "county of the community of record; value: its 12-digit code"),
        [WorkforceDimension.Township] = ("街道乡镇", "township (street office or town) of the community of record; value: its 12-digit code"),
        [WorkforceDimension.Community] = ("社区", "community of record; value: its 12-digit code"),
        [WorkforceDimension.Gender] = ("性别", "sex"),
        [WorkforceDimension.AgeBand] = ("年龄段", "age in full years today: 0-29, 30-39, 40-49, 50-59, 60-"),
        [WorkforceDimension.Education] = ("学历", "highest completed education"),
        [WorkforceDimension.PoliticalStatus] = ("政治面貌", "political status"),
        [WorkforceDimension.EmploymentType] = ("人员类别", "two-committee member or community staff"),
        [WorkforceDimension.PostCategory] = ("岗位类别", "category of the current post (NONE without one)"),
        [WorkforceDimension.PostRole] = ("岗位", "role of the current post (NONE without one)"),
        [WorkforceDimension.SocialWorkQualification] = ("社工职业资格", "highest social-work qualification (NONE without one)"),
        [WorkforceDimension.ServiceYearsBand] = ("社区工作年限", "full years of community work: 0-2, 3-5, 6-9, 10-14, 15-"),
        [WorkforceDimension.Status] = ("状态", "employment status"),
    };
}
