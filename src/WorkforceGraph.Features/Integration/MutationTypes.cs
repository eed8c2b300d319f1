using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using WorkforceGraph.Features.Security;
using WorkforceGraph.GraphQL.Conventions.Errors;
using WorkforceGraph.GraphQL.Conventions.Limits;

namespace WorkforceGraph.Features.Integration;

/// <summary>A feature's root mutation fields; the root <c>Mutation</c> is only the list of these.</summary>
public interface IMutationFields
{
    void AddTo(ObjectGraphType<object> mutation);
}

/// <summary>The root <c>Mutation</c>: each feature's batch writes, in registration order.</summary>
public sealed class WorkforceMutation : ObjectGraphType<object>
{
    public WorkforceMutation(IEnumerable<IMutationFields> features)
    {
        Name = "Mutation";
        Description = "Batch writes for provincial data platforms (integrator role): up to `Limits:MaxBatchRecords` records per call, idempotent per natural key, one transaction per call, per-record errors.";
        foreach (var feature in features)
        {
            feature.AddTo(this);
        }
    }
}

/// <summary>HotChocolate's mutation-convention <c>Error</c> interface.</summary>
public sealed class ErrorInterfaceGraphType : InterfaceGraphType
{
    public ErrorInterfaceGraphType()
    {
        Name = "Error";
        Description = "An error of a mutation's payload.";
        Field<NonNullGraphType<StringGraphType>>("message").Description("What went wrong, for people.");
    }
}

/// <summary><c>RecordError</c>: one rejected record of a batch.</summary>
public sealed class RecordErrorGraphType : ObjectGraphType<RecordError>
{
    public RecordErrorGraphType()
    {
        Name = "RecordError";
        Description = "One rejected record of a batch; the rest of the batch is still written.";
        Field(e => e.Index).Description("0-based position of the record in the input list.");
        Field(e => e.Code).Description("Stable upper-snake code (e.g. INVALID_ID_NUMBER); branch on it, not on the message.");
        Field(e => e.Message).Description("What is wrong, for people; never repeats an ID number or a phone.");
        Field(e => e.Field, nullable: true).Description("The input field at fault; null for the whole record.");
        Interface<ErrorInterfaceGraphType>();
        IsTypeOf = o => o is RecordError;
    }
}

/// <summary>The payload of an upsert call.</summary>
public sealed record UpsertPayload(IReadOnlyList<object> Items, int Created, int Updated, int Unchanged, IReadOnlyList<RecordError> Errors);

/// <summary>The payload of a delete call.</summary>
public sealed record DeletePayload(IReadOnlyList<string> DeletedIds, int Deleted, int Unchanged, IReadOnlyList<RecordError> Errors);

/// <summary>
/// Builds <c>upsert&lt;Plural&gt;</c> and <c>delete&lt;Plural&gt;</c> for one entity, in the shape of the schema sketch:
/// <c>upsertWorkers(input: UpsertWorkersInput!): UpsertWorkersPayload!</c> with <c>input { workers: [WorkerInput!]! }</c>
/// and <c>payload { workers created updated unchanged errors }</c>; deletes take <c>input { workers: [WorkerKeyInput!]! }</c>
/// and return <c>payload { deletedIds deleted unchanged errors }</c>.
/// </summary>
public static class BatchMutations
{
    public static void AddBatchWrites<TInput, TKey, TEntity>(
        this ObjectGraphType<object> mutation,
        EntitySync<TInput, TKey, TEntity> sync,
        string plural,
        string nodeTypeName,
        IInputObjectGraphType recordInput,
        IInputObjectGraphType keyInput,
        string description)
        where TInput : class
        where TKey : class
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(mutation);
        var pascal = char.ToUpperInvariant(plural[0]) + plural[1..];
        var records = new NonNullGraphType(new ListGraphType(new NonNullGraphType(recordInput)));
        var upsertInput = new InputObjectGraphType { Name = $"Upsert{pascal}Input", Description = $"The {plural} to create or update, at most `Limits:MaxBatchRecords`; each is the full record." };
        upsertInput.AddField(new FieldType { Name = plural, ResolvedType = records, Description = "Full records, matched by natural key." });
        var upsertPayload = new ObjectGraphType { Name = $"Upsert{pascal}Payload", Description = $"What `upsert{pascal}` wrote and rejected." };
        upsertPayload.AddField(new FieldType
        {
            Name = plural,
            Description = "The written records (created, updated or unchanged), in input order.",
            ResolvedType = new NonNullGraphType(new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(nodeTypeName)))),
            Resolver = new FuncFieldResolver<object>(ctx => ((UpsertPayload)ctx.Source!).Items),
        });
        AddCounts(upsertPayload, "created", "Records that did not exist before.", p => ((UpsertPayload)p).Created);
        AddCounts(upsertPayload, "updated", "Existing records that changed.", p => ((UpsertPayload)p).Updated);
        AddCounts(upsertPayload, "unchanged", "Existing records already as sent (a resent batch is all unchanged).", p => ((UpsertPayload)p).Unchanged);
        AddErrors(upsertPayload, p => ((UpsertPayload)p).Errors);

        var upsert = new FieldType
        {
            Name = $"upsert{pascal}",
            Description = $"Creates or updates {description}, matched by natural key; invalid records are reported in `errors` and the rest written in one transaction.",
            ResolvedType = new NonNullGraphType(upsertPayload),
            Arguments = new QueryArguments(new QueryArgument(new NonNullGraphType(upsertInput)) { Name = "input", Description = "The records." }),
            Resolver = new FuncFieldResolver<object>(async ctx =>
            {
                var inputs = Records<TInput>(ctx, plural);
                var result = await Run(ctx, (writer, services) => services.GetRequiredService<BatchWriter>().UpsertAsync(sync, inputs, writer, ctx.CancellationToken)).ConfigureAwait(false);
                return new UpsertPayload([.. result.Written.Cast<object>()], result.Created, result.Updated, result.Unchanged, result.Errors);
            }),
        };
        mutation.AddField(upsert.AuthorizeWithPolicy(WorkforcePolicies.Integrator).Cost(FieldCost.DatabaseWeight));

        var keys = new NonNullGraphType(new ListGraphType(new NonNullGraphType(keyInput)));
        var deleteInput = new InputObjectGraphType { Name = $"Delete{pascal}Input", Description = $"The {plural} to delete, by natural key, at most `Limits:MaxBatchRecords`." };
        deleteInput.AddField(new FieldType { Name = plural, ResolvedType = keys, Description = "Natural keys." });
        var deletePayload = new ObjectGraphType { Name = $"Delete{pascal}Payload", Description = $"What `delete{pascal}` removed and rejected." };
        deletePayload.AddField(new FieldType
        {
            Name = "deletedIds",
            Description = "Node IDs of the removed records, in input order (the change feed has a tombstone for each).",
            ResolvedType = new NonNullGraphType(new ListGraphType(new NonNullGraphType(new IdGraphType()))),
            Resolver = new FuncFieldResolver<object>(ctx => ((DeletePayload)ctx.Source!).DeletedIds),
        });
        AddCounts(deletePayload, "deleted", "Records removed.", p => ((DeletePayload)p).Deleted);
        AddCounts(deletePayload, "unchanged", "Keys that name no record you can see (already deleted, or never there): nothing to do.", p => ((DeletePayload)p).Unchanged);
        AddErrors(deletePayload, p => ((DeletePayload)p).Errors);
        var delete = new FieldType
        {
            Name = $"delete{pascal}",
            Description = $"Deletes {description} entered in error, by natural key, in one transaction; the change feed keeps a tombstone.",
            ResolvedType = new NonNullGraphType(deletePayload),
            Arguments = new QueryArguments(new QueryArgument(new NonNullGraphType(deleteInput)) { Name = "input", Description = "The natural keys." }),
            Resolver = new FuncFieldResolver<object>(async ctx =>
            {
                var inputs = Records<TKey>(ctx, plural);
                var result = await Run(ctx, (writer, services) => services.GetRequiredService<BatchWriter>().DeleteAsync(sync, inputs, writer, ctx.CancellationToken)).ConfigureAwait(false);
                return new DeletePayload(
                    [.. result.DeletedIds.Select(id => GraphQL.Conventions.NodeIds.NodeId.Encode(nodeTypeName, id))], result.Deleted, result.Unchanged, result.Errors);
            }),
        };
        mutation.AddField(delete.AuthorizeWithPolicy(WorkforcePolicies.Integrator).Cost(FieldCost.DatabaseWeight));
    }

    private static List<T> Records<T>(IResolveFieldContext ctx, string plural)
        where T : class
    {
        var input = ctx.GetArgument<Dictionary<string, object?>>("input");
        return input.TryGetValue(plural, out var list) && list is IEnumerable<object?> items ? [.. items.Select(i => (T)i!)] : [];
    }

    private static async Task<T> Run<T>(IResolveFieldContext ctx, Func<Writer, IServiceProvider, Task<T>> write)
    {
        var services = ctx.RequestServices!;
        var caller = services.GetRequiredService<CurrentCaller>().Value;
        try
        {
            return await write(new Writer(caller.Subject, caller.Region), services).ConfigureAwait(false);
        }
        catch (BatchRefusedException e)
        {
            throw new CodedExecutionError(e.Code, e.Message);
        }
    }

    private static void AddCounts(ObjectGraphType payload, string name, string description, Func<object, int> count) =>
        payload.AddField(new FieldType
        {
            Name = name,
            Description = description,
            ResolvedType = new NonNullGraphType(new IntGraphType()),
            Resolver = new FuncFieldResolver<object>(ctx => count(ctx.Source!)),
        });

    private static void AddErrors(ObjectGraphType payload, Func<object, IReadOnlyList<RecordError>> errors) =>
        payload.AddField(new FieldType
        {
            Name = "errors",
            Description = "The rejected records, by input index; empty when every record was accepted.",
            ResolvedType = new NonNullGraphType(new ListGraphType(new NonNullGraphType(new GraphQLTypeReference("RecordError")))),
            Resolver = new FuncFieldResolver<object>(ctx => errors(ctx.Source!)),
        });
}
