using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkforceGraph.Data.Communities;

internal sealed class CommunityConfiguration : IEntityTypeConfiguration<Community>
{
    public void Configure(EntityTypeBuilder<Community> builder)
    {
        builder.Property(c => c.Code).HasMaxLength(12).IsFixedLength();
        builder.HasIndex(c => c.Code).IsUnique();
        builder.Property(c => c.Name).HasMaxLength(Community.NameMaxLength);
        builder.Property(c => c.UrbanRuralClass).HasMaxLength(3).IsFixedLength();
        builder.HasOne(c => c.Region).WithMany(r => r.Communities).HasForeignKey(c => c.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.RegionId);
    }
}
