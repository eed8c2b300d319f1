using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace WorkforceGraph.GraphQL.Conventions.PersistedOperations;

/// <summary>
/// A folder of <c>&lt;id&gt;.graphql</c> files, the id being the SHA-256 of the file's text. Files are read on first
/// use and kept; a file published while the server runs is found on its first request. A file whose text does not
/// hash to its name is ignored (and logged), so a renamed or edited file never runs under another document's id.
/// </summary>
public sealed partial class FileSystemPersistedOperationStore : IPersistedOperationStore
{
    /// <summary>The extension of stored operations.</summary>
    public const string Extension = ".graphql";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ConcurrentDictionary<string, string> _loaded = new(StringComparer.Ordinal);
    private readonly string _directory;
    private readonly ILogger<FileSystemPersistedOperationStore> _logger;

    /// <summary>Creates the store over <see cref="PersistedOperationOptions.Directory"/>.</summary>
    public FileSystemPersistedOperationStore(IOptions<PersistedOperationOptions> options, ILogger<FileSystemPersistedOperationStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _directory = Path.GetFullPath(options.Value.Directory);
        _logger = logger;
    }

    /// <inheritdoc/>
    public async ValueTask<string?> TryGetAsync(string id, CancellationToken cancellationToken)
    {
        if (_loaded.TryGetValue(id, out var text))
        {
            return text;
        }

        // Only normalized ids reach a path: 64 hex digits cannot leave the folder.
        if (!OperationId.TryNormalize(id, out var normalized) || normalized != id)
        {
            return null;
        }

        var path = Path.Combine(_directory, id + Extension);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            text = await File.ReadAllTextAsync(path, Utf8, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            LogUnreadable(_logger, exception, path);
            return null;
        }

        if (OperationId.Of(text) != id)
        {
            LogMismatch(_logger, path);
            return null;
        }

        return _loaded.GetOrAdd(id, text);
    }

    /// <summary>
    /// Stores <paramref name="document"/> in <paramref name="directory"/> under its id (written to a temporary file
    /// and moved, so a reader never sees half a file) and returns the id. Storing the same text again changes nothing.
    /// </summary>
    public static async Task<string> PublishAsync(string directory, string document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(document);
        var id = OperationId.Of(document);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, id + Extension);
        if (File.Exists(path) && await File.ReadAllTextAsync(path, Utf8, cancellationToken).ConfigureAwait(false) == document)
        {
            return id;
        }

        var temporary = Path.Combine(directory, $".{id}.{Guid.NewGuid():N}.tmp");
        await File.WriteAllTextAsync(temporary, document, Utf8, cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
        return id;
    }

    [LoggerMessage(EventId = 40, Level = LogLevel.Warning, Message = "The persisted operation {Path} does not hash to its file name; it is ignored.")]
    private static partial void LogMismatch(ILogger logger, string path);

    [LoggerMessage(EventId = 41, Level = LogLevel.Warning, Message = "The persisted operation {Path} cannot be read; it is ignored.")]
    private static partial void LogUnreadable(ILogger logger, Exception exception, string path);
}
