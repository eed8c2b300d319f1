using GraphQL;
using GraphQL.Types;
using WorkforceGraph.Data.Audit;
using WorkforceGraph.Features.Common;
using WorkforceGraph.Features.Security;
using WorkforceGraph.GraphQL.Conventions.Types;

namespace WorkforceGraph.Features.Audit;

/// <summary>Root field <c>piiReadAudits</c> (admin only).</summary>
public sealed class AuditQueries : IQueryFields
{
    public void AddTo(ObjectGraphType<object> query) =>
        query.AddConnection<PiiReadAuditGraphType, PiiReadAudit>(
                "piiReadAudits",
                "The audit trail of unmasked reads of personal data, newest last by default (admin role only; an admin sees the reads of callers within their region scope).",
                db => db.Set<PiiReadAudit>())
            .AuthorizeWithPolicy(WorkforcePolicies.Admin);
}
