using Microsoft.Extensions.DependencyInjection;
using WorkforceGraph.Features.Assessments;
using WorkforceGraph.Features.Communities;
using WorkforceGraph.Features.GradeSchemes;
using WorkforceGraph.Features.Posts;
using WorkforceGraph.Features.Regions;
using WorkforceGraph.Features.Training;
using WorkforceGraph.Features.Workers;

namespace WorkforceGraph.Features.Integration.Transfer;

/// <summary>
/// The entities of <c>import</c> and <c>export</c>. Each needs its sync registered (with the batch writes) and a
/// transfer here: name, record type and export projection (<see cref="EntityTransfer{TInput,TKey,TEntity}"/>).
/// </summary>
public static class TransferServices
{
    public static IServiceCollection AddWorkforceTransfers(this IServiceCollection services)
    {
        // In the order a fresh database is filled (each after what it refers to): README "Import and export".
        services.AddSingleton<IEntityTransfer, RegionTransfer>();
        services.AddSingleton<IEntityTransfer, GradeSchemeTransfer>();
        services.AddSingleton<IEntityTransfer, CommunityTransfer>();
        services.AddSingleton<IEntityTransfer, WorkerTransfer>();
        services.AddSingleton<IEntityTransfer, TrainingTransfer>();
        services.AddSingleton<IEntityTransfer, PostTransfer>();
        services.AddSingleton<IEntityTransfer, TrainingRecordTransfer>();
        services.AddSingleton<IEntityTransfer, AssessmentTransfer>();
        return services;
    }

    /// <summary>The transfer named <paramref name="name"/> (ordinal), or null.</summary>
    public static IEntityTransfer? Find(this IEnumerable<IEntityTransfer> transfers, string name) =>
        transfers.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal));
}
