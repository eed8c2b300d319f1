using Microsoft.Extensions.DependencyInjection;
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
        services.AddSingleton<IEntityTransfer, WorkerTransfer>();
        return services;
    }

    /// <summary>The transfer named <paramref name="name"/> (ordinal), or null.</summary>
    public static IEntityTransfer? Find(this IEnumerable<IEntityTransfer> transfers, string name) =>
        transfers.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal));
}
