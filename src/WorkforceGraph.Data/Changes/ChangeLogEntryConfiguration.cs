using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkforceGraph.Data.Changes;

internal sealed class ChangeLogEntryConfiguration : IEntityTypeConfiguration<ChangeLogEntry>
{
    public void Configure(EntityTypeBuilder<ChangeLogEntry> builder)
    {
        builder.ToTable("ChangeLog");
        builder.Property(c => c.ScopeCode).HasMaxLength(12);
        builder.Property(c => c.Actor).HasMaxLength(200);
        builder.HasIndex(c => new { c.EntityType, c.EntityId });
        builder.HasIndex(c => c.WorkerId);
    }
}
