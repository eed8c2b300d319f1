using Microsoft.EntityFrameworkCore;

namespace WorkforceGraph.Data.Tests.Model;

public sealed class PendingModelChangesTests
{
    [Fact]
    public void Sqlite_migrations_match_the_model()
    {
        var options = new DbContextOptionsBuilder<SqliteWorkforceDbContext>();
        WorkforceDatabase.ConfigureSqlite(options, "Data Source=:memory:");
        using var context = new SqliteWorkforceDbContext(options.Options);

        // Fails when the model changed without `dotnet ef migrations add … --context SqliteWorkforceDbContext`.
        Assert.False(context.Database.HasPendingModelChanges());
    }
}
