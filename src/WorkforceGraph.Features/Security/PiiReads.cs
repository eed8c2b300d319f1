using System.Collections.Concurrent;
using System.Diagnostics;
using GraphQL;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkforceGraph.Data;
using WorkforceGraph.Data.Audit;
using WorkforceGraph.GraphQL.Conventions.Errors;
using WorkforceGraph.GraphQL.Conventions.Http;

namespace WorkforceGraph.Features.Security;

/// <summary>
/// Sensitive personal information (PIPL art. 28: ID numbers, phones). A field reads it through
/// <see cref="Reveal"/>: masked unless the caller holds <c>pii:read</c>, and every unmasked read is noted for the
/// audit trail, which <see cref="PiiAuditWriter"/> writes before the response leaves.
/// </summary>
public sealed class PiiReads(CurrentCaller caller)
{
    private readonly ConcurrentDictionary<int, SortedSet<string>> _reads = new();

    /// <summary>The operation name, for the trail.</summary>
    internal string? OperationName { get; set; }

    /// <summary>The unmasked reads of this request: worker id → field names.</summary>
    internal IReadOnlyDictionary<int, SortedSet<string>> Reads => _reads;

    /// <summary>The value for this caller: <paramref name="value"/> (noted for the audit) or <paramref name="masked"/>.</summary>
    public string? Reveal(int workerId, string field, string? value, string? masked)
    {
        if (value is null || !caller.Value.CanReadPii)
        {
            return masked;
        }

        var fields = _reads.GetOrAdd(workerId, _ => new SortedSet<string>(StringComparer.Ordinal));
        lock (fields)
        {
            fields.Add(field);
        }

        return value;
    }

    /// <summary>
    /// Guard for filters and sorts on a personal field: without <c>pii:read</c> they would confirm a masked value
    /// (graphql-conventions.md), so they are refused with <c>AUTH_NOT_AUTHORIZED</c>.
    /// </summary>
    public static void RequireScope(IServiceProvider? services)
    {
        var reads = services?.GetService<PiiReads>();
        if (reads is null || !reads.Caller.CanReadPii)
        {
            throw new CodedExecutionError(ErrorCodes.NotAuthorized,
                "Filtering or sorting on ID numbers and phones requires the pii:read scope.");
        }
    }

    private Caller Caller => caller.Value;

    /// <summary>Reveals through the request's <see cref="PiiReads"/>.</summary>
    public static string? Reveal(IResolveFieldContext context, int workerId, string field, string? value, string? masked)
    {
        ArgumentNullException.ThrowIfNull(context);
        var reads = context.RequestServices?.GetRequiredService<PiiReads>()
            ?? throw new InvalidOperationException("ExecutionOptions.RequestServices is not set.");
        return reads.Reveal(workerId, field, value, masked);
    }
}

/// <summary>
/// Writes the request's unmasked reads to the audit trail (one row per worker) after execution and before the
/// response is written; if the trail cannot be written, the response is not sent.
/// </summary>
public sealed class PiiAuditWriter(PiiReads reads, CurrentCaller caller, IDbContextFactory<WorkforceDbContext> factory, TimeProvider time)
    : IGraphQLRequestConfigurator
{
    public ValueTask ConfigureAsync(ExecutionOptions options, HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(options);
        reads.OperationName = options.OperationName;
        return ValueTask.CompletedTask;
    }

    public async ValueTask OnResultAsync(ExecutionResult result, HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(httpContext);
        if (reads.Reads.Count == 0)
        {
            return;
        }

        var operationName = result.Operation?.Name?.StringValue ?? reads.OperationName;

        var who = caller.Value;
        var at = time.GetUtcNow().UtcDateTime;
        var requestId = Activity.Current?.TraceId.ToString() ?? httpContext.TraceIdentifier;
        await using var db = factory.CreateDbContext();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.PiiReadAudits.AddRange(reads.Reads.OrderBy(r => r.Key).Select(r => new PiiReadAudit
        {
            ReadAt = at,
            Subject = who.Subject,
            Role = WorkforceClaims.RoleName(who.Role),
            CallerScope = who.Region.Prefix,
            RequestId = requestId,
            OperationName = operationName is { Length: > 200 } name ? name[..200] : operationName,
            WorkerId = r.Key,
            Fields = string.Join(',', r.Value),
        }));
        await db.SaveChangesAsync(httpContext.RequestAborted).ConfigureAwait(false);
    }
}
