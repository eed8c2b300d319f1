using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WorkforceGraph.Data;

/// <summary>
/// How a long run of batch commits (the <c>import</c> command) meets the disk on SQLite. In WAL mode SQLite's default
/// (<c>synchronous=FULL</c>) waits for the disk at every commit; <c>synchronous=NORMAL</c> waits only at checkpoints.
/// Every commit stays whole and atomic either way, also when the process is killed (the WAL is written before the
/// commit returns); what NORMAL gives up is that a power loss or an operating-system crash may roll back the last
/// commits, which an import, idempotent by design, writes again when it is rerun. <see cref="MakeDurableAsync"/> ends
/// such a run with a full checkpoint, so that what it reported as written is on disk. PostgreSQL is not changed.
/// </summary>
public static class BulkWriteDurability
{
    /// <summary>Every SQLite connection these options open commits with <c>synchronous=NORMAL</c>.</summary>
    public static DbContextOptionsBuilder UseBulkWriteDurability(this DbContextOptionsBuilder options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.AddInterceptors(NormalSynchronous.Instance);
    }

    /// <summary>
    /// On SQLite, checkpoints the WAL into the database file, waiting (up to the busy timeout) for readers, and syncs
    /// both; false when readers kept it from finishing (the commits are then durable at SQLite's next checkpoint).
    /// True on other providers, whose commits are durable when they return.
    /// </summary>
    public static async Task<bool> MakeDurableAsync(WorkforceDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsSqlite())
        {
            return true;
        }

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous=FULL; PRAGMA wal_checkpoint(FULL);";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            // wal_checkpoint answers (busy, frames in the WAL, frames checkpointed); not in WAL mode, nothing to do.
            return !await reader.ReadAsync(cancellationToken).ConfigureAwait(false) || reader.GetInt64(0) == 0;
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    private sealed class NormalSynchronous : DbConnectionInterceptor
    {
        public static readonly NormalSynchronous Instance = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        // Per connection, and pooled connections keep it: set on every open, a no-op statement when it already holds.
        private static void Apply(DbConnection connection)
        {
            if (connection is not SqliteConnection sqlite)
            {
                return;
            }

            using var command = sqlite.CreateCommand();
            command.CommandText = "PRAGMA synchronous=NORMAL;";
            command.ExecuteNonQuery();
        }
    }
}
