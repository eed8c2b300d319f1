using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkforceGraph.Data.Workers;

internal sealed class WorkerConfiguration : IEntityTypeConfiguration<Worker>
{
    public void Configure(EntityTypeBuilder<Worker> builder)
    {
        builder.HasIndex(w => w.IdNumber).IsUnique();
        builder.Property(w => w.Name).HasMaxLength(50);
        builder.Property(w => w.Phone).HasMaxLength(20);
        builder.Property(w => w.Ethnicity).HasMaxLength(20);
        builder.HasOne(w => w.Community).WithMany(c => c.Workers).HasForeignKey(w => w.CommunityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(w => w.CommunityId);

        // Name search and order (docs/scale.md): startsWith is a range on the code-point order, which this index
        // serves, as it serves order: [{ name }] with the key as the final tiebreak. PostgreSQL adds more (its context).
        builder.HasIndex(w => new { w.Name, w.Id });
    }
}
