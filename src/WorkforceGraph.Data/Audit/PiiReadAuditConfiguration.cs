using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkforceGraph.Data.Audit;

internal sealed class PiiReadAuditConfiguration : IEntityTypeConfiguration<PiiReadAudit>
{
    public void Configure(EntityTypeBuilder<PiiReadAudit> builder)
    {
        builder.Property(a => a.Subject).HasMaxLength(200);
        builder.Property(a => a.Role).HasMaxLength(32);
        builder.Property(a => a.CallerScope).HasMaxLength(12);
        builder.Property(a => a.RequestId).HasMaxLength(64);
        builder.Property(a => a.OperationName).HasMaxLength(200);
        builder.Property(a => a.Fields).HasMaxLength(64);
        builder.HasIndex(a => a.WorkerId);
        builder.HasIndex(a => a.Subject);
        builder.HasIndex(a => a.ReadAt);
    }
}
