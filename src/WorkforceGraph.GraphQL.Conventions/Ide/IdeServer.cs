using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace WorkforceGraph.GraphQL.Conventions.Ide;

/// <summary>
/// Serves the IDE from <see cref="IdeOptions.RootPath"/>: <c>index.html</c> with a <c>&lt;base&gt;</c>
/// pointing at the endpoint's folder, its assets, and <c>bcp-config.json</c>, which the IDE fetches
/// from <c>{page path}/bcp-config.json</c>. Telemetry is off and a Content-Security-Policy keeps
/// every request on the server's origin (contracts.md: the IDE works offline).
/// </summary>
internal sealed class IdeServer : IDisposable
{
    public const string ConfigFileName = "bcp-config.json";

    // The IDE's bundle references chillicream.com (sign-in, cloud sync, telemetry) and Google
    // Tag Manager; the policy lets the browser load and connect to this origin only.
    private const string ContentSecurityPolicy =
        "default-src 'self'; connect-src 'self'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline' 'unsafe-eval' blob:; " +
        "worker-src 'self' blob:; frame-src 'self'";

    private static readonly FileExtensionContentTypeProvider ContentTypes = CreateContentTypes();

    private readonly IdeOptions _options;
    private readonly PhysicalFileProvider? _files;

    public IdeServer(IOptions<IdeOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        if (_options.Enabled && _options.RootPath is { } root && File.Exists(Path.Combine(root, "index.html")))
        {
            _files = new PhysicalFileProvider(Path.GetFullPath(root));
        }
    }

    public bool IsAvailable => _files is not null;

    public void Dispose() => _files?.Dispose();

    public async Task WriteIndexAsync(HttpContext context, string endpointPath)
    {
        var html = await File.ReadAllTextAsync(_files!.GetFileInfo("index.html").PhysicalPath!, context.RequestAborted).ConfigureAwait(false);
        var baseHref = $"{context.Request.PathBase}{endpointPath.TrimEnd('/')}/";
        html = html.Replace("<head>", $"<head><base href=\"{System.Net.WebUtility.HtmlEncode(baseHref)}\"/>", StringComparison.OrdinalIgnoreCase);
        var response = context.Response;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        await response.WriteAsync(html, Encoding.UTF8, context.RequestAborted).ConfigureAwait(false);
    }

    public Task WriteConfigAsync(HttpContext context, string endpointPath)
    {
        var request = context.Request;
        var config = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["endpoint"] = $"{request.Scheme}://{request.Host}{request.PathBase}{endpointPath}",
            ["useBrowserUrlAsEndpoint"] = true,
            ["title"] = _options.Title,
            ["disableTelemetry"] = true,
        };
        context.Response.Headers.CacheControl = "no-cache";
        return context.Response.WriteAsJsonAsync(config, (JsonSerializerOptions?)null, "application/json; charset=utf-8", context.RequestAborted);
    }

    /// <returns><see langword="false"/> when no such file exists.</returns>
    public async Task<bool> TryWriteAssetAsync(HttpContext context, string asset)
    {
        var file = _files!.GetFileInfo(asset);
        if (!file.Exists || file.IsDirectory || !ContentTypes.TryGetContentType(asset, out var contentType))
        {
            return false;
        }

        var response = context.Response;
        response.ContentType = contentType;
        response.ContentLength = file.Length;
        // Files under static/ carry a content hash in their names.
        response.Headers.CacheControl = asset.StartsWith("static/", StringComparison.Ordinal)
            ? "public, max-age=31536000, immutable"
            : "no-cache";
        await response.SendFileAsync(file, context.RequestAborted).ConfigureAwait(false);
        return true;
    }

    private static FileExtensionContentTypeProvider CreateContentTypes()
    {
        var provider = new FileExtensionContentTypeProvider();
        provider.Mappings[".webmanifest"] = "application/manifest+json";
        provider.Mappings[".woff2"] = "font/woff2";
        return provider;
    }
}
