using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkforceGraph.Data.Assessments;

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> builder)
    {
        builder.HasOne(a => a.Worker).WithMany(w => w.Assessments).HasForeignKey(a => a.WorkerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Community).WithMany().HasForeignKey(a => a.CommunityId).OnDelete(DeleteBehavior.Restrict);
        // Natural key: worker + year.
        builder.HasIndex(a => new { a.WorkerId, a.Year }).IsUnique();
        builder.HasIndex(a => new { a.CommunityId, a.Year });
    }
}
