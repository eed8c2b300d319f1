using GraphQL;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WorkforceGraph.Data.Assessments;
using WorkforceGraph.Data.Communities;
using WorkforceGraph.Data.GradeSchemes;
using WorkforceGraph.Data.Posts;
using WorkforceGraph.Data.Regions;
using WorkforceGraph.Data.Trainings;
using WorkforceGraph.Data.Workers;
using WorkforceGraph.Features.Assessments;
using WorkforceGraph.Features.Audit;
using WorkforceGraph.Features.Changes;
using WorkforceGraph.Features.Common;
using WorkforceGraph.Features.Communities;
using WorkforceGraph.Features.GradeSchemes;
using WorkforceGraph.Features.Integration;
using WorkforceGraph.Features.Posts;
using WorkforceGraph.Features.Regions;
using WorkforceGraph.Features.Security;
using WorkforceGraph.Features.Staffing;
using WorkforceGraph.Features.Statistics;
using WorkforceGraph.Features.Training;
using WorkforceGraph.Features.Workers;
using WorkforceGraph.GraphQL.Conventions.Batching;
using WorkforceGraph.GraphQL.Conventions.Filtering;
using WorkforceGraph.GraphQL.Conventions.Http;
using WorkforceGraph.GraphQL.Conventions.NodeIds;
using WorkforceGraph.GraphQL.Conventions.Paging;
using WorkforceGraph.GraphQL.Conventions.Sorting;

namespace WorkforceGraph.Features;

/// <summary>Registers the WorkforceGraph schema, its features and the generic data machinery.</summary>
public static class WorkforceGraphQLServices
{
    public static IServiceCollection AddWorkforceSchema(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<WorkforceClock>();
        services.AddScoped<BatchLoaderRegistry>();
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentCaller>();
        services.AddScoped<PiiReads>();
        services.AddGraphQLRequestConfigurator<PiiAuditWriter>();
        services.AddScoped<IDbContextSource, WorkforceDbContextSource>();
        services.AddAuthorization(options =>
        {
            foreach (var (policy, roles) in WorkforcePolicies.All())
            {
                options.AddPolicy(policy, p => p.RequireClaim(WorkforceClaims.Role, roles));
            }
        });
        services.Configure<PagingOptions>(configuration.GetSection("GraphQL:Paging"));

        // Root fields, in the order of the schema sketch.
        services.AddSingleton<IQueryFields, RegionQueries>();
        services.AddSingleton<IQueryFields, CommunityQueries>();
        services.AddSingleton<IQueryFields, WorkerQueries>();
        services.AddSingleton<IQueryFields, PostQueries>();
        services.AddSingleton<IQueryFields, GradeSchemeQueries>();
        services.AddSingleton<IQueryFields, TrainingQueries>();
        services.AddSingleton<IQueryFields, AssessmentQueries>();
        services.AddSingleton<IQueryFields, StatisticsQueries>();
        services.AddSingleton<IQueryFields, StaffingQueries>();
        services.AddSingleton<IQueryFields, AssessmentQuotaQueries>();
        services.AddSingleton<IQueryFields, AuditQueries>();
        services.AddSingleton<IQueryFields, ChangeQueries>();

        // Batch writes (integration): the writer, each entity's sync and mutation fields.
        services.Configure<BatchOptions>(configuration.GetSection("Limits"));
        services.Configure<StatisticsOptions>(configuration.GetSection("Limits"));
        services.AddSingleton<BatchWriter>();
        services.AddSingleton<RegionSync>();
        services.AddSingleton<IMutationFields, RegionMutations>();
        services.AddSingleton<CommunitySync>();
        services.AddSingleton<IMutationFields, CommunityMutations>();
        services.AddSingleton<WorkerSync>();
        services.AddSingleton<IMutationFields, WorkerMutations>();
        services.AddSingleton<PostSync>();
        services.AddSingleton<IMutationFields, PostMutations>();
        services.AddSingleton<GradeSchemeSync>();
        services.AddSingleton<IMutationFields, GradeSchemeMutations>();
        services.AddSingleton<TrainingSync>();
        services.AddSingleton<IMutationFields, TrainingMutations>();
        services.AddSingleton<TrainingRecordSync>();
        services.AddSingleton<IMutationFields, TrainingRecordMutations>();
        services.AddSingleton<AssessmentSync>();
        services.AddSingleton<IMutationFields, AssessmentMutations>();

        AddNode<Region>(services, "Region");
        AddNode<Community>(services, "Community");
        AddNode<Worker>(services, "Worker");
        AddNode<Post>(services, "Post");
        AddNode<GradeScheme>(services, "GradeScheme");
        AddNode<Data.Trainings.Training>(services, "Training");
        AddNode<TrainingRecord>(services, "TrainingRecord");
        AddNode<Assessment>(services, "Assessment");

        // Transport, error provider and the conventions' scalars (Date, DateTime, Decimal) with their CLR mappings:
        // registered with the schema so the exported SDL and the served one are the same.
        services.AddGraphQLHttp();
        services.AddSingleton(typeof(ConnectionGraphType<>));
        services.AddSingleton(typeof(EdgeGraphType<>));
        services.AddSingleton(typeof(FilterInputGraphType<>));
        services.AddSingleton(typeof(ListFilterInputGraphType<>));
        services.AddSingleton(typeof(EnumOperationFilterInputGraphType<>));
        services.AddSingleton(typeof(SortInputGraphType<>));
        services.Configure<FilterOptions>(configuration.GetSection("GraphQL:Filtering"));
        services.AddGraphQL(builder => builder
            .AddSchema<WorkforceSchema>()
            .AddGraphTypes(typeof(WorkforceSchema).Assembly)
            .AddGraphTypes(typeof(NodeInterfaceGraphType).Assembly));
        return services;
    }

    private static void AddNode<TEntity>(IServiceCollection services, string typeName)
        where TEntity : class =>
        services.AddSingleton<INodeResolver>(new EntityNodeResolver<TEntity>(typeName));
}
