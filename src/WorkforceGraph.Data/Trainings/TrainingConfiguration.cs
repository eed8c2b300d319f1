using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkforceGraph.Data.Trainings;

internal sealed class TrainingConfiguration : IEntityTypeConfiguration<Training>
{
    public void Configure(EntityTypeBuilder<Training> builder)
    {
        builder.Property(t => t.Code).HasMaxLength(40);
        builder.HasIndex(t => t.Code).IsUnique();
        builder.Property(t => t.Title).HasMaxLength(200);
        builder.HasOne(t => t.Organizer).WithMany().HasForeignKey(t => t.OrganizerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => t.OrganizerId);
    }
}

internal sealed class TrainingRecordConfiguration : IEntityTypeConfiguration<TrainingRecord>
{
    public void Configure(EntityTypeBuilder<TrainingRecord> builder)
    {
        builder.HasOne(r => r.Worker).WithMany(w => w.TrainingRecords).HasForeignKey(r => r.WorkerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Training).WithMany(t => t.Records).HasForeignKey(r => r.TrainingId).OnDelete(DeleteBehavior.Restrict);
        // Natural key: worker + training.
        builder.HasIndex(r => new { r.WorkerId, r.TrainingId }).IsUnique();
        builder.HasIndex(r => r.TrainingId);
    }
}
