using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace WorkforceGraph.Data;

/// <summary>
/// Marks the options of the contexts that serve national callers only: their model has no region-scope query
/// filters (<see cref="WorkforceDbContext.HasScopeFilters"/>), so a national query does not pay for them (the filter
/// on workers alone joins communities into every worker query). Fixed per options, hence per pooled instance, never
/// by the mutable <see cref="WorkforceDbContext.Scope"/>; such a context refuses any other scope.
/// </summary>
internal sealed class UnscopedModelExtension : IDbContextOptionsExtension
{
    public DbContextOptionsExtensionInfo Info => new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => "UnscopedModel ";

        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) => debugInfo["WorkforceGraph:UnscopedModel"] = "1";
    }
}

/// <summary>
/// Caches one model per context type and per <see cref="WorkforceDbContext.HasScopeFilters"/>: the two models must
/// never be mistaken for each other (EF Core compiles and caches queries per model).
/// </summary>
internal sealed class WorkforceModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        context is WorkforceDbContext workforce
            ? (context.GetType(), workforce.HasScopeFilters, designTime)
            : (context.GetType(), designTime);
}
