using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkforceGraph.Data.Posts;

internal sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> builder)
    {
        builder.HasOne(p => p.Worker).WithMany(w => w.Posts).HasForeignKey(p => p.WorkerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.Community).WithMany(c => c.Posts).HasForeignKey(p => p.CommunityId).OnDelete(DeleteBehavior.Restrict);
        // Natural key (batch writes): worker + community + role + start date.
        builder.HasIndex(p => new { p.WorkerId, p.CommunityId, p.Role, p.StartDate }).IsUnique();
        builder.HasIndex(p => p.CommunityId);
    }
}
