using System.Buffers;
using System.Diagnostics;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using WorkforceGraph.GraphQL.Conventions.Diagnostics;
using WorkforceGraph.GraphQL.Conventions.Errors;
using WorkforceGraph.GraphQL.Conventions.Ide;
using WorkforceGraph.GraphQL.Conventions.Limits;
using WorkforceGraph.GraphQL.Conventions.Sdl;

namespace WorkforceGraph.GraphQL.Conventions.Http;

/// <summary>
/// GraphQL over HTTP as graphql-conventions.md §1 describes it, plus the SDL and the IDE. Each GraphQL request runs
/// in an operation span of <see cref="GraphQLTelemetry.ActivitySource"/>, counts its SQL statements, is recorded
/// in <see cref="GraphQLMetrics"/> and leaves a <see cref="GraphQLRequestInfo"/> feature for the host's request log.
/// Every GraphQL response says <c>Cache-Control: no-store</c>: any result may carry personal data.
/// </summary>
internal sealed class GraphQLHttpHandler
{
    private readonly IOptionsMonitor<GraphQLHttpOptions> _options;
    private readonly IGraphQLSerializer _serializer;
    private readonly IDocumentExecuter _executer;
    private readonly IdeServer _ide;
    private readonly SdlCache _sdl;
    private readonly ILogger<GraphQLHttpHandler> _logger;
    private readonly GraphQLMetrics _metrics;
    private readonly IErrorInfoProvider _errorInfo;

    public GraphQLHttpHandler(
        IOptionsMonitor<GraphQLHttpOptions> options,
        IGraphQLSerializer serializer,
        IDocumentExecuter executer,
        IdeServer ide,
        SdlCache sdl,
        ILogger<GraphQLHttpHandler> logger,
        GraphQLMetrics metrics,
        IErrorInfoProvider errorInfo)
    {
        _metrics = metrics;
        _errorInfo = errorInfo;
        _options = options;
        _serializer = serializer;
        _executer = executer;
        _ide = ide;
        _sdl = sdl;
        _logger = logger;
    }

    public async Task HandleAsync(HttpContext context, string endpointPath)
    {
        var request = context.Request;
        var isGet = HttpMethods.IsGet(request.Method);
        var isPost = HttpMethods.IsPost(request.Method);

        if (isGet && request.Query.Keys.Any(k => string.Equals(k, "sdl", StringComparison.OrdinalIgnoreCase)))
        {
            await WriteSdlAsync(context).ConfigureAwait(false);
            return;
        }

        if (isGet && !request.Query.ContainsKey("query") && _ide.IsAvailable && AcceptNegotiation.AcceptsHtml(request.Headers.Accept))
        {
            await _ide.WriteIndexAsync(context, endpointPath).ConfigureAwait(false);
            return;
        }

        if (!isGet && !isPost)
        {
            context.Response.Headers.Allow = "GET, POST";
            await WriteErrorAsync(context, StatusCodes.Status405MethodNotAllowed, MediaTypes.GraphQLResponse,
                new CodedExecutionError(ErrorCodes.InvalidRequest, "GraphQL requests are sent by GET or POST.")).ConfigureAwait(false);
            return;
        }

        switch (AcceptNegotiation.Negotiate(request.Headers.Accept))
        {
            case AcceptOutcome.Malformed:
                await WriteErrorAsync(context, StatusCodes.Status400BadRequest, MediaTypes.GraphQLResponse,
                    new CodedExecutionError(ErrorCodes.MalformedAcceptHeader, "The Accept header is malformed.")
                        .WithExtension("headerValue", request.Headers.Accept.ToString())).ConfigureAwait(false);
                return;
            case AcceptOutcome.NotAcceptable:
                await WriteErrorAsync(context, StatusCodes.Status406NotAcceptable, MediaTypes.GraphQLResponse,
                    new CodedExecutionError(ErrorCodes.NotAcceptable, "None of the media types in the Accept header can be produced.")).ConfigureAwait(false);
                return;
            case AcceptOutcome.LegacyJson:
                await HandleGraphQLAsync(context, isGet, legacy: true).ConfigureAwait(false);
                return;
            default:
                await HandleGraphQLAsync(context, isGet, legacy: false).ConfigureAwait(false);
                return;
        }
    }

    public async Task HandleAssetAsync(HttpContext context, string endpointPath, string? asset)
    {
        if (_ide.IsAvailable)
        {
            if (string.IsNullOrEmpty(asset) && AcceptNegotiation.AcceptsHtml(context.Request.Headers.Accept))
            {
                await _ide.WriteIndexAsync(context, endpointPath).ConfigureAwait(false);
                return;
            }

            if (string.Equals(asset, IdeServer.ConfigFileName, StringComparison.Ordinal))
            {
                await _ide.WriteConfigAsync(context, endpointPath).ConfigureAwait(false);
                return;
            }

            if (!string.IsNullOrEmpty(asset) && await _ide.TryWriteAssetAsync(context, asset).ConfigureAwait(false))
            {
                return;
            }
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
    }

    public async Task WriteSdlAsync(HttpContext context)
    {
        if (!IntrospectionAllowed(context))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var document = _sdl.Get(context.RequestServices.GetRequiredService<ISchema>());
        var response = context.Response;
        response.Headers.ETag = document.ETag;
        var ifNoneMatch = context.Request.GetTypedHeaders().IfNoneMatch;
        if (ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || string.Equals(tag.Tag.Value, document.ETag, StringComparison.Ordinal)))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.ContentType = MediaTypes.PlainText;
        response.ContentLength = document.Utf8.Length;
        await response.Body.WriteAsync(document.Utf8, context.RequestAborted).ConfigureAwait(false);
    }

    private async Task HandleGraphQLAsync(HttpContext context, bool isGet, bool legacy)
    {
        var info = InfoOf(context);
        info.IsOperation = true;
        var started = Stopwatch.GetTimestamp();
        // The response is serialized into this buffer and sent after the operation's span and metrics are complete:
        // a client holding the whole response also finds them recorded.
        await using var body = new BufferedResponseBody(context.Response, _options.CurrentValue.ResponseBufferBytes);
        context.Features.Set(body);
        using (var activity = GraphQLTelemetry.ActivitySource.StartActivity(GraphQLTelemetry.OperationSpanName))
        {
            // Counts only; X-Diagnostics: sql asks the same collector to keep the text.
            var collector = SqlStatementCollector.Start(keepStatements: false);
            try
            {
                await HandleGraphQLCoreAsync(context, isGet, legacy, info).ConfigureAwait(false);
            }
            finally
            {
                context.Features.Set<BufferedResponseBody>(null);
                SqlStatementCollector.Stop();
                info.SqlStatementCount = collector.Count;
                info.SqlRowsRead = collector.RowsRead;
                _metrics.Record(info, Stopwatch.GetElapsedTime(started));
                if (activity is not null)
                {
                    Describe(activity, info);
                }
            }
        }

        await body.CompleteAsync(context.RequestAborted).ConfigureAwait(false);
    }

    private static void Describe(Activity activity, GraphQLRequestInfo info)
    {
        if (info.OperationType is { } type)
        {
            activity.DisplayName = info.OperationName is { } name ? type + " " + name : type;
            activity.SetTag(GraphQLTelemetry.OperationTypeTag, type);
        }

        if (info.OperationName is { } operationName)
        {
            activity.SetTag(GraphQLTelemetry.OperationNameTag, operationName);
        }

        activity.SetTag(GraphQLTelemetry.SqlStatementCountTag, info.SqlStatementCount);
        if (info.ErrorCodes.Count > 0)
        {
            activity.SetTag(GraphQLTelemetry.ErrorCodesTag, info.ErrorCodes.ToArray());
            activity.SetTag(GraphQLTelemetry.ErrorTypeTag, info.ErrorCodes[0]);
            activity.SetStatus(ActivityStatusCode.Error);
        }
    }

    private static GraphQLRequestInfo InfoOf(HttpContext context)
    {
        var info = context.Features.Get<GraphQLRequestInfo>();
        if (info is null)
        {
            info = new GraphQLRequestInfo();
            context.Features.Set(info);
        }

        return info;
    }

    private async Task HandleGraphQLCoreAsync(HttpContext context, bool isGet, bool legacy, GraphQLRequestInfo info)
    {
        var contentType = legacy ? MediaTypes.Json : MediaTypes.GraphQLResponse;
        var requestErrorStatus = legacy ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;

        GraphQLHttpRequest parameters;
        try
        {
            if (isGet)
            {
                parameters = GraphQLHttpRequestReader.FromQueryString(context.Request.Query, _serializer);
            }
            else
            {
                if (!IsJson(context.Request.ContentType))
                {
                    await WriteErrorAsync(context, StatusCodes.Status415UnsupportedMediaType, contentType,
                        new CodedExecutionError(ErrorCodes.InvalidRequest, "The request Content-Type must be application/json.")).ConfigureAwait(false);
                    return;
                }

                var body = await ReadBodyAsync(context).ConfigureAwait(false);
                if (body is null)
                {
                    await WriteErrorAsync(context, StatusCodes.Status413PayloadTooLarge, MediaTypes.GraphQLResponse,
                        new CodedExecutionError(ErrorCodes.RequestTooLarge, "The request body is larger than the server accepts.")).ConfigureAwait(false);
                    return;
                }

                parameters = GraphQLHttpRequestReader.FromJsonBody(body.Value, _serializer);
            }
        }
        catch (CodedExecutionError error)
        {
            // A body that is not JSON is not a well-formed GraphQL-over-HTTP request: the spec (and
            // the graphql-http audit's SHOULD) want 400 even under the legacy application/json rule.
            var errorStatus = error.Code == ErrorCodes.SyntaxError && !isGet ? StatusCodes.Status400BadRequest : requestErrorStatus;
            await WriteErrorAsync(context, errorStatus, contentType, error).ConfigureAwait(false);
            return;
        }

        var options = CreateOptions(context, parameters, isGet);
        // Records the operation even when validation then fails (the result has no operation then).
        var capture = new OperationCaptureRule(info);
        options.ValidationRules = [.. options.ValidationRules!, capture];
        options.CachedDocumentValidationRules = [.. options.CachedDocumentValidationRules!, capture];
        var configurators = context.RequestServices.GetServices<IGraphQLRequestConfigurator>().ToList();
        ExecutionResult result;
        try
        {
            foreach (var configurator in configurators)
            {
                await configurator.ConfigureAsync(options, context).ConfigureAwait(false);
            }

            if (string.IsNullOrEmpty(options.Query) && options.Document is null)
            {
                result = ErrorResult(new CodedExecutionError(ErrorCodes.QueryMissing, "The GraphQL request has no `query`."));
            }
            else
            {
                result = await _executer.ExecuteAsync(options).ConfigureAwait(false);
                info.SetOperation(result.Operation);
            }

            foreach (var configurator in configurators)
            {
                await configurator.OnResultAsync(result, context).ConfigureAwait(false);
            }
        }
        catch (GraphQLRequestRejectedException rejected)
        {
            await WriteErrorAsync(context, rejected.StatusCode ?? requestErrorStatus, contentType, rejected.Error).ConfigureAwait(false);
            return;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            GraphQLHttpLog.UnexpectedRequestError(_logger, exception, TraceId(context));
            await WriteErrorAsync(context, StatusCodes.Status500InternalServerError, contentType,
                new UnhandledError(ConventionsErrorInfoProvider.UnexpectedMessage, exception)).ConfigureAwait(false);
            return;
        }

        var status = StatusCodes.Status200OK;
        RequestLimits.Complete(result, options, context, _options.CurrentValue);

        // Not executed and no errors: GraphQL-Cost: validate answered with the cost alone (200).
        if (!result.Executed && result.Errors is { Count: > 0 })
        {
            var notAllowed = result.Errors?.FirstOrDefault(e => e is ICodedError { Code: ErrorCodes.OperationNotAllowed });
            if (notAllowed is not null)
            {
                result.Errors = [notAllowed];
                context.Response.Headers.Allow = "POST";
                status = StatusCodes.Status405MethodNotAllowed;
            }
            else if (result.Errors?.Any(e => e is UnhandledError) == true)
            {
                status = StatusCodes.Status500InternalServerError;
            }
            else
            {
                status = requestErrorStatus;
            }
        }

        await WriteResultAsync(context, status, contentType, result).ConfigureAwait(false);
    }

    private ExecutionOptions CreateOptions(HttpContext context, GraphQLHttpRequest parameters, bool isGet)
    {
        var options = new ExecutionOptions
        {
            Schema = context.RequestServices.GetRequiredService<ISchema>(),
            Query = parameters.Query,
            OperationName = parameters.OperationName,
            Variables = parameters.Variables,
            Extensions = parameters.Extensions,
            DocumentId = parameters.DocumentId,
            User = context.User,
            RequestServices = context.RequestServices,
            CancellationToken = context.RequestAborted,
        };

        // §11 limits. Rules that depend on more than the document text (the method, the caller, the variables) are
        // also CachedDocumentValidationRules: a document cache skips ValidationRules for a document it has seen.
        var (documentRules, requestRules) = RequestLimits.Rules(_options.CurrentValue, context, isGet, IntrospectionPolicyOf(context));
        options.ValidationRules = [.. DocumentValidator.CoreRules, .. documentRules, .. requestRules];
        options.CachedDocumentValidationRules = requestRules;
        var timeout = _options.CurrentValue.ExecutionTimeout;
        options.Timeout = timeout > TimeSpan.Zero ? timeout : Timeout.InfiniteTimeSpan;
        options.UnhandledExceptionDelegate = unhandled =>
        {
            var path = unhandled.FieldContext?.Path is { } fieldPath ? string.Join('.', fieldPath) : null;
            var operation = unhandled.Context?.Operation?.Name?.StringValue ?? options.OperationName;
            GraphQLHttpLog.UnexpectedExecutionError(_logger, unhandled.OriginalException, TraceId(context), operation, path);
            return Task.CompletedTask;
        };
        return options;
    }

    private static bool IntrospectionAllowed(HttpContext context)
    {
        var (policy, isDevelopment) = IntrospectionPolicyOf(context);
        return policy.Allows(context.User, isDevelopment);
    }

    private static (IntrospectionOptions Policy, bool IsDevelopment) IntrospectionPolicyOf(HttpContext context) =>
        (context.RequestServices.GetService<IOptionsMonitor<IntrospectionOptions>>()?.CurrentValue ?? new IntrospectionOptions(),
         context.RequestServices.GetService<IHostEnvironment>()?.IsDevelopment() == true);

    private async Task<ReadOnlyMemory<byte>?> ReadBodyAsync(HttpContext context)
    {
        var max = _options.CurrentValue.MaxRequestBytes;
        if (context.Request.ContentLength > max)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > max)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && parsed.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);

    private static ExecutionResult ErrorResult(ExecutionError error) => new() { Errors = [error] };

    private Task WriteErrorAsync(HttpContext context, int status, string contentType, ExecutionError error) =>
        WriteResultAsync(context, status, contentType, ErrorResult(error));

    private async Task WriteResultAsync(HttpContext context, int status, string contentType, ExecutionResult result)
    {
        var info = InfoOf(context);
        info.StatusCode = status;
        if (result.Errors is { Count: > 0 } errors)
        {
            foreach (var error in errors)
            {
                info.AddErrorCode(CodeOf(error));
            }
        }

        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = contentType;
        response.Headers.CacheControl = "no-store";
        // Serialized into memory, then one write with Content-Length: a streamed, chunked body costs the client a
        // second read for its terminating chunk on every request. Large results stream past the buffer. An operation
        // (HandleGraphQLAsync) sends its buffered body itself, once its span ends.
        if (context.Features.Get<BufferedResponseBody>() is { } pending)
        {
            await _serializer.WriteAsync(pending, result, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        await using var body = new BufferedResponseBody(response, _options.CurrentValue.ResponseBufferBytes);
        await _serializer.WriteAsync(body, result, context.RequestAborted).ConfigureAwait(false);
        await body.CompleteAsync(context.RequestAborted).ConfigureAwait(false);
    }

    private string? CodeOf(ExecutionError error) =>
        error is ICodedError coded
            ? coded.Code
            : _errorInfo.GetInfo(error).Extensions?.TryGetValue("code", out var code) == true ? code as string : error.Code;

    private static string TraceId(HttpContext context) =>
        Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
}
