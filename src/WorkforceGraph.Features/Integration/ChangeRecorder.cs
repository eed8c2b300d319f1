using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using WorkforceGraph.Data;
using WorkforceGraph.Data.Assessments;
using WorkforceGraph.Data.Changes;
using WorkforceGraph.Data.Communities;
using WorkforceGraph.Data.GradeSchemes;
using WorkforceGraph.Data.Posts;
using WorkforceGraph.Data.Regions;
using WorkforceGraph.Data.Trainings;
using WorkforceGraph.Data.Workers;

namespace WorkforceGraph.Features.Integration;

/// <summary>
/// Saves a writing context and appends one change-log entry per row it added, modified or removed, in the caller's
/// transaction: whatever a sync touches (the worker whose community of record a post moved, the posts a deleted worker
/// took with them) is in the feed, without each sync having to say so.
/// </summary>
internal static class ChangeRecorder
{
    private static readonly int?[] NoIds = [];

    private static readonly Dictionary<Type, ChangeEntityType> Logged = new()
    {
        [typeof(Region)] = ChangeEntityType.Region,
        [typeof(Community)] = ChangeEntityType.Community,
        [typeof(Worker)] = ChangeEntityType.Worker,
        [typeof(Post)] = ChangeEntityType.Post,
        [typeof(GradeScheme)] = ChangeEntityType.GradeScheme,
        [typeof(Data.Trainings.Training)] = ChangeEntityType.Training,
        [typeof(TrainingRecord)] = ChangeEntityType.TrainingRecord,
        [typeof(Assessment)] = ChangeEntityType.Assessment,
    };

    // Foreign keys shown by the natural key of what they point at.
    private static readonly Dictionary<string, string> CodeFields = new(StringComparer.Ordinal)
    {
        [nameof(Worker.CommunityId)] = "communityCode",
        [nameof(Community.RegionId)] = "regionCode",
        [nameof(Data.Trainings.Training.OrganizerId)] = "organizerCode",
        [nameof(Region.ParentId)] = "parentCode",
        [nameof(TrainingRecord.TrainingId)] = "trainingCode",
    };

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> CamelNames = new(StringComparer.Ordinal);

    // An enum member as JsonStringEnumConverter with the snake-case-upper policy writes it (the change log's hot path).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Enum, string> EnumNames = new();

    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <param name="detected">The caller has just detected changes (nothing changed since): no second scan.</param>
    /// <param name="inserts">
    /// New untracked rows that stand alone (nothing tracked points at them): inserted with multi-row statements and their
    /// keys set on them, or, where no such insert serves the table, added to the context and saved with the rest.
    /// </param>
    public static async Task SaveWithChangesAsync(
        WorkforceDbContext db, string actor, DateTime now, IEnumerable<object> childrenChanged, CancellationToken cancellationToken, bool detected = false, IReadOnlyList<object>? inserts = null)
    {
        if (!detected)
        {
            db.ChangeTracker.DetectChanges();
        }

        // Changes are detected once, here; the saves below must not scan every tracked row again.
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var inserters = new Dictionary<Type, MultiRowInserter?>();
        try
        {
            await SaveDetectedAsync(db, actor, now, childrenChanged, inserts ?? [], inserters, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
            foreach (var inserter in inserters.Values)
            {
                if (inserter is not null)
                {
                    await inserter.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
    }

    private static async Task SaveDetectedAsync(
        WorkforceDbContext db, string actor, DateTime now, IEnumerable<object> childrenChanged, IReadOnlyList<object> inserts, Dictionary<Type, MultiRowInserter?> inserters, CancellationToken cancellationToken)
    {
        // Untracked new rows: multi-row inserts per table where the table allows, else tracked as added like any other.
        var direct = new List<Pending>(inserts.Count);
        foreach (var entity in inserts)
        {
            var clrType = entity.GetType();
            var entityType = db.Model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType.Name} is not an entity.");
            if (!inserters.TryGetValue(clrType, out var inserter))
            {
                inserter = MultiRowInserter.For(db, entityType, withKeys: true);
                inserters[clrType] = inserter;
            }

            if (inserter is null)
            {
                db.Add(entity);
            }
            else if (Logged.TryGetValue(clrType, out var loggedType))
            {
                direct.Add(new Pending(entity, loggedType, ChangeOperation.Upsert, ValuesOf(entityType, entity)) { Created = true, Inserter = inserter });
            }
            else
            {
                direct.Add(new Pending(entity, default, ChangeOperation.Upsert, []) { Created = true, Inserter = inserter, Unlogged = true });
            }
        }

        var forced = childrenChanged.ToHashSet(ReferenceEqualityComparer.Instance);
        var entries = db.ChangeTracker.Entries().ToList();
        var pending = new List<Pending>();
        foreach (var entry in entries)
        {
            if (!Logged.TryGetValue(entry.Metadata.ClrType, out var type))
            {
                continue;
            }

            switch (entry.State)
            {
                case EntityState.Added:
                    pending.Add(new Pending(entry.Entity, type, ChangeOperation.Upsert, Values(entry.Properties.Where(p => !p.Metadata.IsPrimaryKey()))) { Entry = entry, Created = true });
                    break;
                case EntityState.Modified:
                    pending.Add(new Pending(entry.Entity, type, ChangeOperation.Upsert, Values(entry.Properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue))))
                    {
                        Entry = entry,
                        ChildrenChanged = forced.Contains(entry.Entity),
                    });
                    break;
                case EntityState.Deleted:
                    pending.Add(new Pending(entry.Entity, type, ChangeOperation.Delete, []) { Entry = entry, Id = (int)entry.Property("Id").CurrentValue! });
                    break;
                case EntityState.Unchanged when forced.Contains(entry.Entity):
                    pending.Add(new Pending(entry.Entity, type, ChangeOperation.Upsert, []) { Entry = entry, ChildrenChanged = true });
                    break;
            }
        }

        pending.AddRange(direct);
        if (pending.Count == 0)
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        // Scope codes and the codes shown for foreign keys, read before the save removes deleted rows.
        var codes = await Codes.LoadAsync(db, pending, cancellationToken).ConfigureAwait(false);
        foreach (var change in pending)
        {
            if (change.Unlogged)
            {
                continue;
            }

            change.ScopeCode = codes.ScopeOf(change.Entity);
            change.WorkerId = WorkerOf(change.Entity);
            change.FieldsJson = change.Operation == ChangeOperation.Delete ? null : FieldsOf(change, codes);
        }

        // New rows that stand alone go in through prepared inserts; SaveChanges writes the rest (updates, deletions).
        await RowInserter.InsertAddedAsync(db, entries, cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        foreach (var group in direct.GroupBy(c => c.Inserter!))
        {
            var inserter = group.Key;
            await inserter.InsertAsync([.. group.Select(c => c.Entity)], cancellationToken).ConfigureAwait(false);
            foreach (var change in group)
            {
                change.Id = Convert.ToInt32(inserter.Key.PropertyInfo!.GetValue(change.Entity), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        var logEntries = new List<object>(pending.Count);
        foreach (var change in pending)
        {
            if (change.Unlogged)
            {
                continue;
            }

            var id = change.Id ?? (int)change.Entry!.Property("Id").CurrentValue!;
            logEntries.Add(new ChangeLogEntry
            {
                EntityType = change.Type,
                EntityId = id,
                Operation = change.Operation,
                ChangedAt = now,
                ScopeCode = change.ScopeCode,
                WorkerId = change.Type == ChangeEntityType.Worker ? id : change.WorkerId,
                Actor = actor,
                Fields = change.FieldsJson,
            });
        }

        var log = MultiRowInserter.For(db, db.Model.FindEntityType(typeof(ChangeLogEntry))!, withKeys: false);
        if (log is null)
        {
            db.AddRange(logEntries);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        await using (log)
        {
            await log.InsertAsync(logEntries, cancellationToken).ConfigureAwait(false);
        }
    }

    // The values of a tracked row's properties, by property name.
    private static List<(string Name, object? Value)> Values(IEnumerable<PropertyEntry> properties) =>
        [.. properties.Select(p => (p.Metadata.Name, p.CurrentValue))];

    // The values of an untracked new row: every property but the key.
    private static List<(string Name, object? Value)> ValuesOf(IEntityType type, object entity)
    {
        var values = new List<(string Name, object? Value)>();
        foreach (var property in type.GetProperties())
        {
            if (!property.IsPrimaryKey())
            {
                values.Add((property.Name, property.GetGetter().GetClrValueUsingContainingEntity(entity)));
            }
        }

        return values;
    }

    private static int? WorkerOf(object entity) => entity switch
    {
        Post p => p.WorkerId,
        TrainingRecord r => r.WorkerId,
        Assessment a => a.WorkerId,
        _ => null,
    };

    private static string FieldsOf(Pending change, Codes codes)
    {
        var fields = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in change.Properties)
        {
            if (CodeFields.TryGetValue(name, out var codeName))
            {
                fields[codeName] = value is not int id ? null : name switch
                {
                    nameof(Worker.CommunityId) => codes.CommunityCode(id),
                    nameof(TrainingRecord.TrainingId) => codes.TrainingCode(id),
                    _ => codes.RegionCode(id),
                };
                continue;
            }

            // The row's worker is the change's WorkerId (and the history it appears in): no need to name it again.
            if (name == nameof(Post.WorkerId))
            {
                continue;
            }

            fields[CamelCase(name)] = value switch
            {
                IdNumber idNumber => idNumber.Masked,
                string phone when name == nameof(Worker.Phone) => PhoneNumber.Mask(phone),
                _ => value,
            };
        }

        // A grade scheme's category ranges are child rows: shown with the scheme when it is created or they changed.
        if (change.Entity is GradeScheme scheme && (change.Created || change.ChildrenChanged))
        {
            fields["categories"] = scheme.Ranges.OrderBy(r => r.Category)
                .Select(r => new SortedDictionary<string, object?>(StringComparer.Ordinal) { ["category"] = r.Category, ["minGrade"] = r.MinGrade, ["maxGrade"] = r.MaxGrade })
                .ToList();
        }

        return Serialize(fields);
    }

    // The fields as JsonSerializer writes them with Json, the common value types written directly (the change log's hot path).
    private static string Serialize(SortedDictionary<string, object?> fields)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Json.Encoder }))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in fields)
            {
                writer.WritePropertyName(name);
                switch (value)
                {
                    case null:
                        writer.WriteNullValue();
                        break;
                    case string text:
                        writer.WriteStringValue(text);
                        break;
                    case int number:
                        writer.WriteNumberValue(number);
                        break;
                    case bool flag:
                        writer.WriteBooleanValue(flag);
                        break;
                    case DateOnly date:
                        writer.WriteStringValue(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                        break;
                    case Enum member when !member.GetType().IsDefined(typeof(FlagsAttribute), false) && Enum.IsDefined(member.GetType(), member):
                        writer.WriteStringValue(EnumNames.GetOrAdd(member, m => JsonNamingPolicy.SnakeCaseUpper.ConvertName(m.ToString())));
                        break;
                    default:
                        JsonSerializer.Serialize(writer, value, value.GetType(), Json);
                        break;
                }
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string CamelCase(string name) => CamelNames.GetOrAdd(name, n => JsonNamingPolicy.CamelCase.ConvertName(n));

    private sealed class Pending(object entity, ChangeEntityType type, ChangeOperation operation, List<(string Name, object? Value)> properties)
    {
        public object Entity { get; } = entity;

        public ChangeEntityType Type { get; } = type;

        public ChangeOperation Operation { get; } = operation;

        /// <summary>The fields to log: all on creation, the changed ones on update.</summary>
        public List<(string Name, object? Value)> Properties { get; } = properties;

        /// <summary>The change-tracker entry of a tracked row (null for an untracked new row).</summary>
        public EntityEntry? Entry { get; init; }

        /// <summary>The multi-row insert of an untracked new row's table.</summary>
        public MultiRowInserter? Inserter { get; init; }

        /// <summary>An untracked new row of a type the change log does not record.</summary>
        public bool Unlogged { get; init; }

        public bool Created { get; init; }

        /// <summary>The row's key: of a deleted row, read before the save; of an untracked new row, set by its insert.</summary>
        public int? Id { get; set; }

        public bool ChildrenChanged { get; init; }

        public string? ScopeCode { get; set; }

        public int? WorkerId { get; set; }

        public string? FieldsJson { get; set; }
    }

    // Codes by id: from the tracked rows first (new rows carry temporary ids), then in one query per table.
    private sealed class Codes
    {
        private readonly Dictionary<int, string> _communities = [];
        private readonly Dictionary<int, string> _regions = [];
        private readonly Dictionary<int, int?> _workerCommunities = [];
        private readonly Dictionary<int, string> _trainings = [];

        public static async Task<Codes> LoadAsync(WorkforceDbContext db, List<Pending> pending, CancellationToken cancellationToken)
        {
            var codes = new Codes();
            foreach (var entry in db.ChangeTracker.Entries<Community>())
            {
                codes._communities[entry.Property(e => e.Id).CurrentValue] = entry.Entity.Code;
            }

            foreach (var entry in db.ChangeTracker.Entries<Region>())
            {
                codes._regions[entry.Property(e => e.Id).CurrentValue] = entry.Entity.Code;
            }

            foreach (var entry in db.ChangeTracker.Entries<Worker>())
            {
                codes._workerCommunities[entry.Entity.Id] = entry.Entity.CommunityId;
            }

            var workers = pending.Select(p => p.Entity).OfType<TrainingRecord>().Select(r => r.WorkerId)
                .Where(id => !codes._workerCommunities.ContainsKey(id)).Distinct().ToList();
            if (workers.Count > 0)
            {
                foreach (var w in await db.Workers.IgnoreQueryFilters().Where(w => EF.Parameter(workers).Contains(w.Id)).Select(w => new { w.Id, w.CommunityId }).ToListAsync(cancellationToken).ConfigureAwait(false))
                {
                    codes._workerCommunities[w.Id] = w.CommunityId;
                }
            }

            var communities = pending.SelectMany(p => p.Entity switch
                {
                    Worker w => [w.CommunityId],
                    Post post => [post.CommunityId],
                    Assessment a => [a.CommunityId],
                    TrainingRecord r => [codes._workerCommunities.GetValueOrDefault(r.WorkerId)],
                    _ => NoIds,
                })
                .OfType<int>().Where(id => !codes._communities.ContainsKey(id)).Distinct().ToList();
            if (communities.Count > 0)
            {
                foreach (var c in await db.Communities.IgnoreQueryFilters().Where(c => EF.Parameter(communities).Contains(c.Id)).Select(c => new { c.Id, c.Code }).ToListAsync(cancellationToken).ConfigureAwait(false))
                {
                    codes._communities[c.Id] = c.Code;
                }
            }

            var regions = pending.SelectMany(p => p.Entity switch
                {
                    GradeScheme g => [g.RegionId],
                    Region r => [r.ParentId],
                    Data.Trainings.Training t => [t.OrganizerId],
                    Community c => [c.RegionId],
                    _ => NoIds,
                })
                .OfType<int>().Where(id => !codes._regions.ContainsKey(id)).Distinct().ToList();
            if (regions.Count > 0)
            {
                foreach (var r in await db.Regions.IgnoreQueryFilters().Where(r => EF.Parameter(regions).Contains(r.Id)).Select(r => new { r.Id, r.Code }).ToListAsync(cancellationToken).ConfigureAwait(false))
                {
                    codes._regions[r.Id] = r.Code;
                }
            }

            foreach (var entry in db.ChangeTracker.Entries<Data.Trainings.Training>())
            {
                codes._trainings[entry.Property(e => e.Id).CurrentValue] = entry.Entity.Code;
            }

            var trainings = pending.Select(p => p.Entity).OfType<TrainingRecord>().Select(r => r.TrainingId)
                .Where(id => !codes._trainings.ContainsKey(id)).Distinct().ToList();
            if (trainings.Count > 0)
            {
                foreach (var t in await db.Trainings.IgnoreQueryFilters().Where(t => EF.Parameter(trainings).Contains(t.Id)).Select(t => new { t.Id, t.Code }).ToListAsync(cancellationToken).ConfigureAwait(false))
                {
                    codes._trainings[t.Id] = t.Code;
                }
            }

            return codes;
        }

        public string? TrainingCode(int id) => _trainings.GetValueOrDefault(id);

        public string? CommunityCode(int id) => _communities.GetValueOrDefault(id);

        public string? RegionCode(int id) => _regions.GetValueOrDefault(id);

        public string? ScopeOf(object entity) => entity switch
        {
            Region r => r.Code,
            Community c => c.Code,
            Worker w => w.CommunityId is int id ? CommunityCode(id) : null,
            Post p => CommunityCode(p.CommunityId),
            Assessment a => CommunityCode(a.CommunityId),
            TrainingRecord r => _workerCommunities.GetValueOrDefault(r.WorkerId) is int id ? CommunityCode(id) : null,
            GradeScheme g => RegionCode(g.RegionId),
            Data.Trainings.Training t => t.OrganizerId is int id ? RegionCode(id) : "",
            _ => null,
        };
    }
}
