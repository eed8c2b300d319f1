using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkforceGraph.Data.GradeSchemes;

internal sealed class GradeSchemeConfiguration : IEntityTypeConfiguration<GradeScheme>
{
    public void Configure(EntityTypeBuilder<GradeScheme> builder)
    {
        builder.Property(s => s.Code).HasMaxLength(GradeScheme.CodeMaxLength);
        builder.HasIndex(s => s.Code).IsUnique();
        builder.Property(s => s.Name).HasMaxLength(GradeScheme.NameMaxLength);
        builder.HasOne(s => s.Region).WithMany(r => r.GradeSchemes).HasForeignKey(s => s.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.RegionId);
        builder.HasMany(s => s.Ranges).WithOne().HasForeignKey(r => r.GradeSchemeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GradeRangeConfiguration : IEntityTypeConfiguration<GradeRange>
{
    public void Configure(EntityTypeBuilder<GradeRange> builder) =>
        builder.HasIndex(r => new { r.GradeSchemeId, r.Category }).IsUnique();
}
