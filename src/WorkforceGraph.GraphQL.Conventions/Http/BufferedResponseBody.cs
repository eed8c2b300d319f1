using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace WorkforceGraph.GraphQL.Conventions.Http;

/// <summary>
/// A write-only stream in front of a response body that keeps what is written in a pooled buffer up to a limit.
/// <see cref="CompleteAsync"/> then sends the whole body in one write with its <c>Content-Length</c>, instead of a
/// chunked body that ends with a separate terminating chunk (a second send on the connection the client waits for).
/// Once a write would pass the limit, what is buffered goes out and the rest streams to the body as it is written.
/// </summary>
internal sealed class BufferedResponseBody : Stream
{
    private const int InitialSize = 16 * 1024;

    private readonly HttpResponse _response;
    private readonly int _limit;
    private byte[]? _buffer;
    private int _length;
    private bool _streaming;

    public BufferedResponseBody(HttpResponse response, int limit)
    {
        _response = response;
        _limit = Math.Max(limit, 0);
        _streaming = _limit == 0;
    }

    /// <summary>Whether the body went out as it was written (it passed the limit).</summary>
    public bool Streamed => _streaming;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (!_streaming && TryAppend(buffer))
        {
            return;
        }

        // Past the limit a synchronous write goes to the server as it is (Kestrel refuses it unless AllowSynchronousIO).
        if (!_streaming)
        {
            _streaming = true;
            _response.Body.Write(_buffer.AsSpan(0, _length));
            _length = 0;
        }

        _response.Body.Write(buffer);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (!_streaming && TryAppend(buffer.Span))
        {
            return ValueTask.CompletedTask;
        }

        return StreamAsync(buffer, cancellationToken);
    }

    public override void Flush()
    {
    }

    /// <summary>Flushes only once the body streams: a buffered body goes out whole in <see cref="CompleteAsync"/>.</summary>
    public override Task FlushAsync(CancellationToken cancellationToken) =>
        _streaming ? _response.Body.FlushAsync(cancellationToken) : Task.CompletedTask;

    /// <summary>Sends a buffered body with its <c>Content-Length</c> in one write; nothing to do once it streams.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (_streaming)
        {
            return;
        }

        _response.ContentLength = _length;
        if (_length > 0)
        {
            await _response.Body.WriteAsync(_buffer.AsMemory(0, _length), cancellationToken).ConfigureAwait(false);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }

        base.Dispose(disposing);
    }

    private bool TryAppend(ReadOnlySpan<byte> data)
    {
        var needed = _length + data.Length;
        if (needed > _limit)
        {
            return false;
        }

        if (_buffer is null || needed > _buffer.Length)
        {
            var grown = ArrayPool<byte>.Shared.Rent(Math.Min(Math.Max(needed, Math.Max(InitialSize, (_buffer?.Length ?? 0) * 2)), _limit));
            if (_buffer is { } old)
            {
                old.AsSpan(0, _length).CopyTo(grown);
                ArrayPool<byte>.Shared.Return(old);
            }

            _buffer = grown;
        }

        data.CopyTo(_buffer.AsSpan(_length));
        _length = needed;
        return true;
    }

    private async ValueTask StreamAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        if (!_streaming)
        {
            _streaming = true;
            if (_length > 0)
            {
                await _response.Body.WriteAsync(_buffer.AsMemory(0, _length), cancellationToken).ConfigureAwait(false);
                _length = 0;
            }
        }

        await _response.Body.WriteAsync(data, cancellationToken).ConfigureAwait(false);
    }
}
