using System.Text.Json.Serialization.Metadata;
using WorkforceGraph.Data;

namespace WorkforceGraph.Features.Integration.Transfer;

/// <summary>
/// One entity of the <c>import</c> and <c>export</c> commands (contracts.md): its name on the command line, its record
/// type (the GraphQL input type, one line of a file) and how rows are read out as records and records written in.
/// </summary>
public interface IEntityTransfer
{
    /// <summary>The <c>--entity</c> name: the plural of the GraphQL mutations, e.g. <c>workers</c>.</summary>
    string Name { get; }

    /// <summary>The record (input DTO) type.</summary>
    Type RecordType { get; }

    /// <summary>The record's JSON contract under <see cref="TransferFormat.Json"/>: field names, types, accessors.</summary>
    JsonTypeInfo RecordContract { get; }

    /// <summary>The CSV cell encodings of the record's non-scalar fields, by field name (none for flat records).</summary>
    IReadOnlyDictionary<string, CsvCell> CsvCells { get; }

    /// <summary>
    /// The rows the context's scope sees, in a stable order that imports line by line (by id; regions parents first), so
    /// that an export reimported into a fresh database exports the same, as records with references by natural key;
    /// streamed, untracked.
    /// </summary>
    IAsyncEnumerable<object> ExportAsync(WorkforceDbContext db, CancellationToken cancellationToken);

    /// <summary>How many rows <see cref="ExportAsync"/> writes (for progress).</summary>
    Task<int> CountAsync(WorkforceDbContext db, CancellationToken cancellationToken);

    /// <summary>Writes one batch of records through <see cref="BatchWriter.UpsertAsync"/>: the mutations' validation and transaction.</summary>
    Task<ImportOutcome> ImportAsync(BatchWriter batchWriter, IReadOnlyList<object> records, Writer writer, CancellationToken cancellationToken);
}

/// <summary>What one imported batch did; error indexes are positions in the batch.</summary>
public sealed record ImportOutcome(int Created, int Updated, int Unchanged, IReadOnlyList<RecordError> Errors);

/// <summary>
/// The transfer of an entity with a batch-write sync: only the name and the export projection are the entity's own.
/// </summary>
public abstract class EntityTransfer<TInput, TKey, TEntity>(EntitySync<TInput, TKey, TEntity> sync) : IEntityTransfer
    where TInput : class
    where TKey : class
    where TEntity : class
{
    public abstract string Name { get; }

    public Type RecordType => typeof(TInput);

    public JsonTypeInfo RecordContract { get; } = TransferFormat.Json.GetTypeInfo(typeof(TInput));

    public virtual IReadOnlyDictionary<string, CsvCell> CsvCells => CsvCell.None;

    /// <summary>
    /// The rows as records, ordered by id (or another order an import can follow line by line, e.g. parents first);
    /// references by natural key (e.g. a worker's <c>communityCode</c>). Region
    /// scope is the context's query filter, so <c>--region</c> exports what a caller of that region reads. ID numbers
    /// and phones unmasked: exports are the operator's tool.
    /// </summary>
    protected abstract IQueryable<TInput> Export(WorkforceDbContext db);

    public async IAsyncEnumerable<object> ExportAsync(WorkforceDbContext db, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await foreach (var record in Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AsAsyncEnumerable(Export(db)).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return record;
        }
    }

    public Task<int> CountAsync(WorkforceDbContext db, CancellationToken cancellationToken) =>
        Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(Export(db), cancellationToken);

    public async Task<ImportOutcome> ImportAsync(BatchWriter batchWriter, IReadOnlyList<object> records, Writer writer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batchWriter);
        ArgumentNullException.ThrowIfNull(records);
        var inputs = new TInput[records.Count];
        for (var i = 0; i < inputs.Length; i++)
        {
            inputs[i] = (TInput)records[i];
        }

        var result = await batchWriter.UpsertAsync(sync, inputs, writer, cancellationToken).ConfigureAwait(false);
        return new ImportOutcome(result.Created, result.Updated, result.Unchanged, result.Errors);
    }
}
