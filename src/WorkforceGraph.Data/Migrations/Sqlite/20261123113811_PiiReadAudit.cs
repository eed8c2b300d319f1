using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkforceGraph.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PiiReadAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PiiReadAudits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReadAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CallerScope = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    RequestId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OperationName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    WorkerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Fields = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PiiReadAudits", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PiiReadAudits_ReadAt",
                table: "PiiReadAudits",
                column: "ReadAt");

            migrationBuilder.CreateIndex(
                name: "IX_PiiReadAudits_Subject",
                table: "PiiReadAudits",
                column: "Subject");

            migrationBuilder.CreateIndex(
                name: "IX_PiiReadAudits_WorkerId",
                table: "PiiReadAudits",
                column: "WorkerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PiiReadAudits");
        }
    }
}
