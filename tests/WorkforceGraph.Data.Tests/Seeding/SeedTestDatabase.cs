using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkforceGraph.Data.Seeding;

namespace WorkforceGraph.Data.Tests.Seeding;

/// <summary>
/// A named, shared-cache in-memory SQLite database of its own, migrated with MigrateAsync and kept alive by
/// one open connection until disposed.
/// </summary>
internal sealed class SeedTestDatabase : IAsyncDisposable
{
    private readonly SqliteConnection _keepAlive;
    private readonly ServiceProvider _services;

    private SeedTestDatabase(SqliteConnection keepAlive, ServiceProvider services)
    {
        _keepAlive = keepAlive;
        _services = services;
    }

    public IDbContextFactory<WorkforceDbContext> Factory => _services.GetRequiredService<IDbContextFactory<WorkforceDbContext>>();

    public IWorkforceDbContextFactory ScopedFactory => _services.GetRequiredService<IWorkforceDbContextFactory>();

    public DataSeeder Seeder => _services.GetRequiredService<DataSeeder>();

    public SqliteConnection Connection => _keepAlive;

    public static async Task<SeedTestDatabase> CreateAsync()
    {
        var connectionString = $"Data Source=seed-tests-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
        var keepAlive = new SqliteConnection(connectionString);
        await keepAlive.OpenAsync();
        var services = new ServiceCollection().AddWorkforceDatabase(DatabaseProvider.Sqlite, connectionString).BuildServiceProvider();
        await using (var context = await services.GetRequiredService<IDbContextFactory<WorkforceDbContext>>().CreateDbContextAsync())
        {
            await context.Database.MigrateAsync();
        }

        return new SeedTestDatabase(keepAlive, services);
    }

    /// <summary>SHA-256 over every row of every table, tables by name and rows by key, values with their SQLite types.</summary>
    public async Task<string> DumpHashAsync()
    {
        await using var context = await Factory.CreateDbContextAsync();
        var tables = context.Model.GetEntityTypes().Select(e => e.GetTableName()!).Distinct().Order(StringComparer.Ordinal).ToList();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var line = new StringBuilder();
        foreach (var table in tables)
        {
            await using var command = _keepAlive.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY \"Id\"";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                line.Clear().Append(table);
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.GetValue(i);
                    line.Append('|').Append(reader.GetDataTypeName(i)).Append(':').Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                }

                hash.AppendData(Encoding.UTF8.GetBytes(line.Append('\n').ToString()));
            }
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _keepAlive.DisposeAsync();
    }
}
