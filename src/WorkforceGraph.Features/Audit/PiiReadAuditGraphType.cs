using WorkforceGraph.Data.Audit;
using WorkforceGraph.GraphQL.Conventions.Types;

namespace WorkforceGraph.Features.Audit;

/// <summary>GraphQL type <c>PiiReadAudit</c>.</summary>
public sealed class PiiReadAuditGraphType : EntityGraphType<PiiReadAudit>
{
    public PiiReadAuditGraphType()
        : base("PiiReadAudit", "One unmasked read of a worker's ID number or phone (PIPL art. 28): who, when, which fields, in which request. Values are never stored.")
    {
        Column(a => a.ReadAt).Description("When the response carrying the values was produced (UTC).");
        Column(a => a.Subject).Description("The caller's `sub` claim.");
        Column(a => a.Role).Description("The caller's role.");
        Column(a => a.CallerScope).Description("The caller's region scope (division-code prefix; empty for national).");
        Column(a => a.RequestId).Description("The request's trace id, as in the server's logs.");
        Column(a => a.OperationName, nullable: true).Description("The GraphQL operation name, when the request gave one.");
        Column(a => a.WorkerId).Description("Database key of the worker read (the key inside the Worker's global ID).");
        Column(a => a.Fields).Description("The unmasked fields, comma-separated (e.g. `idNumber,phone`).");
    }
}
