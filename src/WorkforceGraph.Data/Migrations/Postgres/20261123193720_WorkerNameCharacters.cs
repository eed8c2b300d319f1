using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkforceGraph.Data.Migrations.Postgres
{
    /// <summary>
    /// A GIN index over the characters of a worker's name, for <c>name: { contains }</c> (docs/scale.md). EF Core does not
    /// model expression indexes: the model only marks the column (<c>HasCharacterIndex</c>, which makes
    /// <c>Contains</c> on it read this index), and the index is created here over the very expression the query writes
    /// (<c>Querying/CharacterIndex.cs</c>). PostgreSQL only; SQLite has nothing of the kind.
    /// </summary>
    public partial class WorkerNameCharacters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""CREATE INDEX "IX_Workers_Name_Characters" ON "Workers" USING gin (string_to_array("Name", NULL));""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_Workers_Name_Characters";""");
        }
    }
}
