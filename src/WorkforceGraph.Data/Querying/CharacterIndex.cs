using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql.EntityFrameworkCore.PostgreSQL.Query;

namespace WorkforceGraph.Data.Querying;

/// <summary>
/// Substring search on short texts (Chinese names: two or three characters, searched by one or two) served by a GIN
/// index over the text's characters, on PostgreSQL. A B-tree serves no <c>'%明%'</c> and a trigram index no term shorter
/// than three characters; an index of each row's characters does: <c>string_to_array(column, NULL)</c> splits a text
/// into its characters (immutable, so indexable), and "the row has every character of the term" narrows the rows to
/// those that can contain it before the exact test.
/// <para>
/// Mark a column with <see cref="HasCharacterIndex"/> and create the index in the PostgreSQL migrations,
/// <c>USING gin (string_to_array(column, NULL))</c>. Every <c>column.Contains(term)</c> on a marked column (filters,
/// search arguments) then also sends <c>string_to_array(column, NULL) @&gt; string_to_array(@term, NULL)</c>, which is
/// implied by the exact condition and lets PostgreSQL read the index; the exact condition stays Npgsql's own
/// translation (ordinal, case-sensitive, <c>%</c> <c>_</c> <c>\</c> escaped), needed only for terms of two characters
/// or more, so the rows are the same (<see cref="CharacterIndexContainsRewriter"/>).
/// </para>
/// </summary>
public static class CharacterIndex
{
    /// <summary>The model annotation that marks a text column as character-indexed.</summary>
    public const string Annotation = "WorkforceGraph:CharacterIndex";

    /// <summary>Marks the text column as having a GIN index over <c>string_to_array(column, NULL)</c> (created by a migration).</summary>
    public static PropertyBuilder<string> HasCharacterIndex(this PropertyBuilder<string> property)
    {
        ArgumentNullException.ThrowIfNull(property);
        return property.HasAnnotation(Annotation, true);
    }

    /// <summary>Whether the property is marked by <see cref="HasCharacterIndex"/>.</summary>
    public static bool IsCharacterIndexed(this IReadOnlyProperty property)
    {
        ArgumentNullException.ThrowIfNull(property);
        return property.FindAnnotation(Annotation)?.Value is true;
    }

    /// <summary>
    /// Whether <paramref name="text"/> has every character of <paramref name="term"/> (the index condition); only in
    /// queries on PostgreSQL with <see cref="UseCharacterIndexes"/>.
    /// </summary>
    public static bool HasCharactersOf(string? text, string? term) =>
        throw new InvalidOperationException($"{nameof(HasCharactersOf)} is translated to SQL on PostgreSQL only.");

    /// <summary>Adds the <c>Contains</c> rewrite and its translation to PostgreSQL options (after <c>UseNpgsql</c>).</summary>
    public static DbContextOptionsBuilder UseCharacterIndexes(this DbContextOptionsBuilder options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Options.FindExtension<CharacterIndexExtension>() is null)
        {
            ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new CharacterIndexExtension());
            options.AddInterceptors(CharacterIndexContainsRewriter.Instance);
        }

        return options;
    }
}

/// <summary>Registers the translation of <see cref="CharacterIndex.HasCharactersOf"/> in EF Core's services.</summary>
internal sealed class CharacterIndexExtension : IDbContextOptionsExtension
{
    public DbContextOptionsExtensionInfo Info => new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services) =>
        new EntityFrameworkRelationalServicesBuilder(services).TryAdd<IMethodCallTranslatorPlugin, CharacterIndexTranslatorPlugin>();

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => "CharacterIndexes ";

        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) => debugInfo["WorkforceGraph:CharacterIndexes"] = "1";
    }
}

/// <summary>
/// Rewrites <c>column.Contains(term)</c> on a marked column, before EF Core compiles a query (once per query shape:
/// compiled queries are cached), into
/// <c>HasCharactersOf(column, term) &amp;&amp; (term.Length == 1 || column.Contains(term))</c>, sent as
/// <c>string_to_array(column, NULL) @&gt; string_to_array(@term, NULL) AND (length(@term) = 1 OR column LIKE @term_contains)</c>.
/// <list type="bullet">
/// <item>Npgsql translates <c>string.Contains</c> itself, ahead of any method translator plugin, so the index condition
/// is added around its translation (kept as it is) instead of replacing it.</item>
/// <item>A text contains a one-character term exactly when it has that character, so the index condition alone is the
/// answer; PostgreSQL plans each statement with its parameter values (Npgsql sends unprepared statements) and folds
/// <c>length('明') = 1</c> to true, which drops the <c>LIKE</c>. That matters for the plan, not only the CPU: the two
/// conditions are one fact twice, and PostgreSQL, multiplying their selectivities as if independent, would expect
/// ~1 % of the matches and choose plans for that (a parallel walk of the key order for a page). Longer terms keep the
/// <c>LIKE</c>, which rechecks order and adjacency (<c>英秀</c> has the characters of <c>秀英</c>, not the text).</item>
/// <item><c>!Contains</c> stays correct: the rewritten condition equals the original one for every text and term.</item>
/// </list>
/// </summary>
internal sealed class CharacterIndexContainsRewriter : IQueryExpressionInterceptor
{
    public static readonly CharacterIndexContainsRewriter Instance = new();

    private static readonly MethodInfo StringContains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
    private static readonly MethodInfo HasCharactersOf = typeof(CharacterIndex).GetMethod(nameof(CharacterIndex.HasCharactersOf))!;
    private static readonly MethodInfo EfProperty = typeof(EF).GetMethod(nameof(EF.Property))!;

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        return eventData.Context?.Model is { } model && HasMarkedProperty(model)
            ? new Visitor(model).Visit(queryExpression)
            : queryExpression;
    }

    private static bool HasMarkedProperty(IModel model) =>
        model.GetEntityTypes().Any(e => e.GetDeclaredProperties().Any(p => p.IsCharacterIndexed()));

    private sealed class Visitor(IModel model) : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            var visited = (MethodCallExpression)base.VisitMethodCall(node);
            if (visited.Method.Equals(StringContains) && visited.Object is { } text && IsMarked(text))
            {
                var term = visited.Arguments[0];
                var oneCharacter = Expression.Equal(Expression.Property(term, nameof(string.Length)), Expression.Constant(1));
                return Expression.AndAlso(Expression.Call(HasCharactersOf, text, term), Expression.OrElse(oneCharacter, visited));
            }

            return visited;
        }

        private bool IsMarked(Expression text)
        {
            var (owner, name) = text switch
            {
                MemberExpression { Expression: { } instance, Member: PropertyInfo property } => (instance.Type, property.Name),
                MethodCallExpression { Method.IsGenericMethod: true, Arguments: [var instance, ConstantExpression { Value: string property }] } call
                    when call.Method.GetGenericMethodDefinition() == EfProperty => (instance.Type, property),
                _ => (null, null),
            };
            return owner is not null && model.FindEntityType(owner)?.FindProperty(name!)?.IsCharacterIndexed() == true;
        }
    }
}

internal sealed class CharacterIndexTranslatorPlugin(ISqlExpressionFactory sqlExpressionFactory, IRelationalTypeMappingSource typeMappingSource)
    : IMethodCallTranslatorPlugin
{
    public IEnumerable<IMethodCallTranslator> Translators { get; } =
        [new CharacterIndexTranslator((NpgsqlSqlExpressionFactory)sqlExpressionFactory, typeMappingSource)];
}

/// <summary>
/// <see cref="CharacterIndex.HasCharactersOf"/> as <c>string_to_array(text, NULL) @&gt; string_to_array(term, NULL)</c>,
/// the left side exactly the indexed expression. Null propagates: a null text or term gives NULL, as <c>LIKE</c> does.
/// </summary>
internal sealed class CharacterIndexTranslator(NpgsqlSqlExpressionFactory sql, IRelationalTypeMappingSource typeMappings) : IMethodCallTranslator
{
    private static readonly MethodInfo HasCharactersOf = typeof(CharacterIndex).GetMethod(nameof(CharacterIndex.HasCharactersOf))!;

    public SqlExpression? Translate(
        SqlExpression? instance, MethodInfo method, IReadOnlyList<SqlExpression> arguments, IDiagnosticsLogger<DbLoggerCategory.Query> logger)
    {
        if (!method.Equals(HasCharactersOf))
        {
            return null;
        }

        var mapping = Microsoft.EntityFrameworkCore.Query.ExpressionExtensions.InferTypeMapping(arguments[0], arguments[1]);
        var characters = typeMappings.FindMapping(typeof(string[])) ?? throw new InvalidOperationException("No PostgreSQL mapping for text[].");

        SqlExpression Characters(SqlExpression value) => sql.Function(
            "string_to_array",
            [sql.ApplyTypeMapping(value, mapping), sql.Constant(null, typeof(string), mapping)],
            nullable: true,
            argumentsPropagateNullability: [true, false],
            typeof(string[]),
            characters);

        return sql.Contains(Characters(arguments[0]), Characters(arguments[1]));
    }
}
