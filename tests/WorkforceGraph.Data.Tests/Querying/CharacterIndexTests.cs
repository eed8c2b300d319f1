using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using WorkforceGraph.Data.Querying;
using WorkforceGraph.Data.Tests.Postgres;
using WorkforceGraph.Data.Workers;

namespace WorkforceGraph.Data.Tests.Querying;

/// <summary>
/// <c>Contains</c> on a worker's name reads the GIN index over the name's characters on PostgreSQL (docs/scale.md), with
/// exactly the rows of the plain substring test; SQLite and unmarked columns translate as before.
/// </summary>
public sealed class CharacterIndexTests : IAsyncLifetime
{
    private const string IndexCondition = """string_to_array(w."Name", NULL) @> string_to_array(@term, NULL)""";

    // Terms against names that hold LIKE's wildcards and escape character, characters out of order, repeated
    // characters and a character outside the Basic Multilingual Plane (two UTF-16 units, one PostgreSQL character).
    private static readonly string[] Names = ["王小明", "明王", "李明明", "王%明", "李_华", "张\\强", "陈秀英", "英秀兰", "周𠀀", "赵𠀀明", "吴"];

    private static readonly string[] Terms = ["明", "王明", "小明", "明明", "秀英", "英秀", "", "%", "_", "\\", "%明", "王%", "𠀀", "𠀀明", "钱", "王小明张"];

    private MigratedPostgresDatabase? _db;

    public async Task InitializeAsync() => _db = await MigratedPostgresDatabase.CreateAsync("wg_chars");

    public async Task DisposeAsync()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }

    [Fact]
    public void On_postgres_contains_on_a_worker_name_adds_the_character_condition_to_the_substring_test()
    {
        using var context = PostgresContext();
        var term = "明";

        var sql = context.Workers.Where(w => w.Name.Contains(term)).Select(w => w.Id).ToQueryString();

        Assert.Contains(IndexCondition, sql, StringComparison.Ordinal);
        // Npgsql's own translation is still there (the escaped LIKE pattern), behind the one-character shortcut.
        Assert.Matches("""\(length\(@term\d*\)(::int)? = 1 OR w\."Name" LIKE @term_contains\)""", sql);

        // Through a navigation, negated, and with a literal term.
        var posts = context.Posts.Where(p => !p.Worker!.Name.Contains(term)).Select(p => p.Id).ToQueryString();
        Assert.Matches("""NOT \(string_to_array\(\w+\."Name", NULL\) @> string_to_array\(@term""", posts);
        var literal = context.Workers.Where(w => w.Name.Contains("秀英")).Select(w => w.Id).ToQueryString();
        Assert.Contains("""string_to_array(w."Name", NULL) @> string_to_array('秀英', NULL)""", literal, StringComparison.Ordinal);
        Assert.Contains("""LIKE '%秀英%'""", literal, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_marked_columns_and_only_postgres_get_the_character_condition()
    {
        var term = "明";
        using (var postgres = PostgresContext())
        {
            Assert.True(postgres.Model.FindEntityType(typeof(Worker))!.FindProperty(nameof(Worker.Name))!.IsCharacterIndexed());
            var communities = postgres.Communities.Where(c => c.Name.Contains(term)).Select(c => c.Id).ToQueryString();
            Assert.DoesNotContain("string_to_array", communities, StringComparison.Ordinal);
            Assert.Contains("LIKE @term_contains", communities, StringComparison.Ordinal);
        }

        var options = new DbContextOptionsBuilder<SqliteWorkforceDbContext>();
        WorkforceDatabase.ConfigureSqlite(options, "Data Source=:memory:");
        using var sqlite = new SqliteWorkforceDbContext(options.Options);
        Assert.False(sqlite.Model.FindEntityType(typeof(Worker))!.FindProperty(nameof(Worker.Name))!.IsCharacterIndexed());
        var sql = sqlite.Workers.Where(w => w.Name.Contains(term)).Select(w => w.Id).ToQueryString();
        Assert.DoesNotContain("string_to_array", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("length(", sql, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("instr(", sql, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task The_migration_creates_the_gin_index_that_the_contains_sql_reads()
    {
        await using var context = await CreateAsync();
        Assert.Equal(
            ["""CREATE INDEX "IX_Workers_Name_Characters" ON public."Workers" USING gin (string_to_array(("Name")::text, NULL::text))"""],
            await MigratedPostgresDatabase.StringsAsync(context, """SELECT indexdef FROM pg_indexes WHERE tablename = 'Workers' AND indexname = 'IX_Workers_Name_Characters'"""));

        // The planner matches the query's expression to the index's (sequential scans priced out so that the empty
        // table does not decide), with the parameters the API sends: one and two characters.
        await MigratedPostgresDatabase.StringsAsync(context, "SELECT set_config('enable_seqscan', 'off', false)");
        foreach (var term in new[] { "明", "秀英" })
        {
            await using var command = context.Workers.Where(w => w.Name.Contains(term)).Select(w => w.Id).CreateDbCommand();
            command.CommandText = "EXPLAIN " + command.CommandText;
            var plan = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    plan.Add(reader.GetString(0));
                }
            }

            Assert.Contains(plan, line => line.Contains("Bitmap Index Scan on \"IX_Workers_Name_Characters\"", StringComparison.Ordinal));
            // One character: the LIKE is folded away; two: it stays as the exact recheck.
            Assert.Equal(term.Length > 1, plan.Any(line => line.Contains("~~", StringComparison.Ordinal)));
        }
    }

    [PostgresFact]
    public async Task Contains_selects_exactly_the_names_that_contain_the_term()
    {
        await using (var context = await CreateAsync())
        {
            context.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
            context.Workers.AddRange(Names.Select((name, i) => new Worker
            {
                IdNumber = IdNumber.Create("320102", new DateOnly(1980, 1, 1), i + 1),
                Name = name,
                Gender = Gender.Female,
                BirthDate = new DateOnly(1980, 1, 1),
                Ethnicity = "汉族",
            }));
            await context.SaveChangesAsync();
        }

        await using var query = await CreateAsync();
        foreach (var term in Terms)
        {
            var expected = Names.Where(n => n.Contains(term, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
            var selected = await query.Workers.Where(w => w.Name.Contains(term)).Select(w => w.Name).ToListAsync();
            var excluded = await query.Workers.Where(w => !w.Name.Contains(term)).Select(w => w.Name).ToListAsync();
            var counted = await query.Workers.CountAsync(w => w.Name.Contains(term));

            Assert.True(expected.SequenceEqual(selected.Order(StringComparer.Ordinal)), $"contains '{term}': [{string.Join(", ", selected)}], expected [{string.Join(", ", expected)}]");
            Assert.Equal(expected.Count, counted);
            Assert.Equal(Names.Except(expected).Order(StringComparer.Ordinal), excluded.Order(StringComparer.Ordinal));
        }
    }

    private static PostgresWorkforceDbContext PostgresContext()
    {
        var options = new DbContextOptionsBuilder<PostgresWorkforceDbContext>();
        WorkforceDatabase.ConfigurePostgres(options, "Host=localhost;Database=sql_only");
        return new PostgresWorkforceDbContext(options.Options);
    }

    private async Task<WorkforceDbContext> CreateAsync() =>
        await _db!.Factory.CreateDbContextAsync();
}
