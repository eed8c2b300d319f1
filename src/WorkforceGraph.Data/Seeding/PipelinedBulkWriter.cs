using System.Collections.Concurrent;

namespace WorkforceGraph.Data.Seeding;

/// <summary>
/// Runs the provider's writer on its own thread so that generating and writing overlap (two cores).
/// Entities are handed over in blocks and must not change after <see cref="Write{TEntity}"/>.
/// </summary>
internal sealed class PipelinedBulkWriter(IBulkWriter inner) : IBulkWriter
{
    private const int BlockSize = 4096;

    private readonly BlockingCollection<object[]> _blocks = new(boundedCapacity: 16);
    private object[] _block = new object[BlockSize];
    private int _count;
    private Task? _consumer;

    public long RowsWritten => inner.RowsWritten;

    public IReadOnlyList<SeedTableCount> Counts => inner.Counts;

    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        await inner.BeginAsync(cancellationToken);
        _consumer = Task.Factory.StartNew(Consume, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public void Write<TEntity>(TEntity entity)
        where TEntity : class
    {
        _block[_count++] = entity;
        if (_count == BlockSize)
        {
            Hand();
        }
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (_count > 0)
        {
            Hand();
        }

        _blocks.CompleteAdding();
        if (_consumer is not null)
        {
            await _consumer;
        }

        await inner.CompleteAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_blocks.IsAddingCompleted)
        {
            _blocks.CompleteAdding();
        }

        if (_consumer is not null)
        {
            try
            {
                await _consumer;
            }
            catch (Exception)
            {
                // Already surfaced through Write or CompleteAsync; disposal only has to stop the thread.
            }
        }

        _blocks.Dispose();
        await inner.DisposeAsync();
    }

    private void Hand()
    {
        if (_consumer is { IsFaulted: true })
        {
            _consumer.GetAwaiter().GetResult();
        }

        try
        {
            _blocks.Add(_count == BlockSize ? _block : _block[.._count]);
        }
        catch (InvalidOperationException) when (_consumer is { IsFaulted: true })
        {
            _consumer.GetAwaiter().GetResult();
        }

        _block = new object[BlockSize];
        _count = 0;
    }

    private void Consume()
    {
        try
        {
            foreach (var block in _blocks.GetConsumingEnumerable())
            {
                foreach (var entity in block)
                {
                    inner.Write(entity);
                }
            }
        }
        catch
        {
            // Unblock a producer waiting on a full queue; it rethrows the consumer's exception.
            _blocks.CompleteAdding();
            throw;
        }
    }
}
