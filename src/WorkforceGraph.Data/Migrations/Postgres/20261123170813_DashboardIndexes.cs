using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkforceGraph.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DashboardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Workers_Name_Id",
                table: "Workers",
                columns: new[] { "Name", "Id" })
                .Annotation("Npgsql:IndexInclude", new[] { "CommunityId" });

            migrationBuilder.CreateIndex(
                name: "IX_Workers_Status_BirthDate_Id",
                table: "Workers",
                columns: new[] { "Status", "BirthDate", "Id" },
                filter: "\"Status\" <> 'Active'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Workers_Name_Id",
                table: "Workers");

            migrationBuilder.DropIndex(
                name: "IX_Workers_Status_BirthDate_Id",
                table: "Workers");
        }
    }
}
