using System.Text.Json;
using System.Text.Json.Nodes;
using GraphQL.Types;
using WorkforceGraph.Features.GradeSchemes;
using WorkforceGraph.Features.Integration.Transfer;
using WorkforceGraph.Features.Workers;

namespace WorkforceGraph.Api.Tests.CommandLine;

/// <summary><c>export</c> and <c>import</c> (contracts.md) through the built executable, on the demo data set.</summary>
public sealed class ImportExportTests(TransferFixture fixture) : IClassFixture<TransferFixture>
{
    [Fact]
    public async Task Export_then_import_into_a_fresh_database_reproduces_the_workers()
    {
        var fresh = fixture.FreshDatabase();
        var stdout = await TransferFixture.RunOkAsync(fresh, "import", "--entity", "workers", "--input", fixture.SourceNdjson);
        Assert.Contains($"created {fixture.SourceWorkers:N0}, updated 0, unchanged 0, rejected 0", stdout, StringComparison.Ordinal);

        var again = fixture.TempFile(".ndjson");
        await TransferFixture.RunOkAsync(fresh, "export", "--entity", "workers", "--format", "ndjson", "--output", again);
        Assert.Equal(fixture.SourceWorkers, TransferFixture.Scalar(fresh, "SELECT COUNT(*) FROM Workers"));
        Assert.Equal(TransferFixture.Sha256(fixture.SourceNdjson), TransferFixture.Sha256(again));

        // Every imported row is in the change feed, as the import's.
        Assert.Equal(fixture.SourceWorkers, TransferFixture.Scalar(fresh, "SELECT COUNT(*) FROM ChangeLog WHERE EntityType = 'Worker' AND Actor = 'import'"));

        // Resent: nothing changes, nothing is logged.
        stdout = await TransferFixture.RunOkAsync(fresh, "import", "--entity", "workers", "--input", fixture.SourceNdjson);
        Assert.Contains($"created 0, updated 0, unchanged {fixture.SourceWorkers:N0}, rejected 0", stdout, StringComparison.Ordinal);
        Assert.Equal(fixture.SourceWorkers, TransferFixture.Scalar(fresh, "SELECT COUNT(*) FROM ChangeLog"));
    }

    [Fact]
    public async Task A_csv_export_imports_to_the_same_data()
    {
        var lines = await File.ReadAllLinesAsync(fixture.SourceCsv);
        Assert.Equal("idNumber,name,gender,birthDate,phone,ethnicity,politicalStatus,education,socialWorkQualification,employmentType,status,communityWorkStartDate,hiredOn,isReserveTalent,communityCode", lines[0]);
        Assert.Equal(fixture.SourceWorkers + 1, lines.Length);

        var fresh = fixture.FreshDatabase();
        await TransferFixture.RunOkAsync(fresh, "import", "--entity", "workers", "--input", fixture.SourceCsv, "--batch-size", "500");
        var again = fixture.TempFile(".ndjson");
        await TransferFixture.RunOkAsync(fresh, "export", "--entity", "workers", "--format", "ndjson", "--output", again);
        Assert.Equal(TransferFixture.Sha256(fixture.SourceNdjson), TransferFixture.Sha256(again));
    }

    [Fact]
    public async Task Export_with_a_region_writes_only_that_regions_workers()
    {
        var output = fixture.TempFile(".ndjson");
        var stdout = await TransferFixture.RunOkAsync(fixture.SourceDatabase, "export", "--entity", "workers", "--format", "ndjson", "--output", output, "--region", "3201");

        var codes = File.ReadLines(output).Select(l => JsonNode.Parse(l)!["communityCode"]!.GetValue<string>()).ToList();
        Assert.NotEmpty(codes);
        Assert.All(codes, c => Assert.StartsWith("3201", c, StringComparison.Ordinal));
        Assert.Equal(TransferFixture.Scalar(fixture.SourceDatabase, "SELECT COUNT(*) FROM Workers w JOIN Communities c ON c.Id = w.CommunityId WHERE c.Code LIKE '3201%'"), codes.Count);
        Assert.Contains("of region 3201", stdout, StringComparison.Ordinal);

        // ID numbers are unmasked: the export is the operator's.
        Assert.DoesNotContain('*', JsonNode.Parse(File.ReadLines(output).First())!["idNumber"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bad_lines_are_rejected_with_their_line_numbers_and_the_rest_is_written()
    {
        var good = File.ReadLines(fixture.SourceNdjson).Take(6).ToList();
        var wrongEnum = JsonNode.Parse(good[3])!;
        wrongEnum["gender"] = "MAN";
        var unknownField = JsonNode.Parse(good[4])!;
        unknownField["nickname"] = "x";
        var input = fixture.TempFile(".ndjson");
        await File.WriteAllLinesAsync(input, [good[0], "", "{\"idNumber\": \"1\", oops", good[1], "[1, 2]", wrongEnum.ToJsonString(), unknownField.ToJsonString(), good[2], good[0]]);
        var errors = fixture.TempFile(".ndjson");
        var fresh = fixture.FreshDatabase();

        var (exitCode, stdout, stderr) = await TransferFixture.RunAsync(fresh, "import", "--entity", "workers", "--input", input, "--errors", errors);

        Assert.True(exitCode == 3, stderr + stdout);
        Assert.Contains("created 3, updated 0, unchanged 0, rejected 5", stdout, StringComparison.Ordinal);
        Assert.Contains("line 3: INVALID_VALUE: The line is not one valid JSON object", stdout, StringComparison.Ordinal);
        Assert.Contains("line 5: INVALID_VALUE", stdout, StringComparison.Ordinal);
        Assert.Contains("line 6: INVALID_VALUE (gender)", stdout, StringComparison.Ordinal);
        Assert.Contains("line 7: INVALID_VALUE: Unknown field `nickname`", stdout, StringComparison.Ordinal);
        Assert.Contains("line 9: DUPLICATE_IN_BATCH: The same natural key already occurred at line 1", stdout, StringComparison.Ordinal);
        var written = File.ReadAllLines(errors).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal([3, 5, 6, 7, 9], written.Select(e => e["line"]!.GetValue<int>()));
        Assert.Equal(["INVALID_VALUE", "INVALID_VALUE", "INVALID_VALUE", "INVALID_VALUE", "DUPLICATE_IN_BATCH"], written.Select(e => e["code"]!.GetValue<string>()));
        Assert.Equal(3, TransferFixture.Scalar(fresh, "SELECT COUNT(*) FROM Workers"));
        Assert.Equal(3, TransferFixture.Scalar(fresh, "SELECT COUNT(*) FROM ChangeLog"));
    }

    [Fact]
    public async Task Validation_is_the_mutations_with_line_numbers()
    {
        var records = File.ReadLines(fixture.SourceNdjson).Take(3).Select(l => JsonNode.Parse(l)!).ToList();
        records[0]["idNumber"] = "320102197801174630";
        records[1]["communityCode"] = "320102399399";
        records[2]["name"] = null;
        var input = fixture.TempFile(".ndjson");
        await File.WriteAllLinesAsync(input, records.Select(r => r.ToJsonString()));
        var fresh = fixture.FreshDatabase();

        var (exitCode, stdout, _) = await TransferFixture.RunAsync(fresh, "import", "--entity", "workers", "--input", input);

        Assert.Equal(3, exitCode);
        Assert.Contains("line 1: INVALID_ID_NUMBER (idNumber)", stdout, StringComparison.Ordinal);
        Assert.Contains("line 2: UNKNOWN_COMMUNITY (communityCode)", stdout, StringComparison.Ordinal);
        Assert.Contains("line 3: INVALID_VALUE (name): `name` is required.", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("320102197801174630", stdout, StringComparison.Ordinal);
        Assert.Equal(0, TransferFixture.Scalar(fresh, "SELECT COUNT(*) FROM Workers"));
    }

    [Fact]
    public async Task Csv_rows_with_bad_cells_are_rejected_by_line_and_quoted_cells_may_span_lines()
    {
        var lines = File.ReadLines(fixture.SourceCsv).Take(5).ToList();
        var header = lines[0];
        var spanning = lines[2].Replace(",汉族,", ",\"汉\n族\",", StringComparison.Ordinal);
        var input = fixture.TempFile(".csv");
        await File.WriteAllTextAsync(input, string.Join("\r\n", header, lines[1], spanning, "a,b,c", lines[3].Replace(",false,", ",maybe,", StringComparison.Ordinal), lines[4]) + "\r\n");
        var fresh = fixture.FreshDatabase();

        var (exitCode, stdout, _) = await TransferFixture.RunAsync(fresh, "import", "--entity", "workers", "--input", input);

        Assert.Equal(3, exitCode);
        Assert.Contains("created 3, updated 0, unchanged 0, rejected 2", stdout, StringComparison.Ordinal);
        Assert.Contains("line 5: INVALID_VALUE: The row has 3 cells; the header has 15.", stdout, StringComparison.Ordinal);
        Assert.Contains("line 6: INVALID_VALUE (isReserveTalent)", stdout, StringComparison.Ordinal);
        Assert.Equal("汉\n族", TransferFixture.ScalarText(fresh, "SELECT Ethnicity FROM Workers ORDER BY Id LIMIT 1 OFFSET 1"));
    }

    [Theory]
    [InlineData("idNumber,name,gender\r\n1,2,3\r\n", "missing column(s) birthDate")]
    [InlineData("idNumber,name,gender,birthDate,phone,ethnicity,politicalStatus,education,socialWorkQualification,employmentType,status,communityWorkStartDate,hiredOn,isReserveTalent,communityCode,nickname\r\n", "unknown column(s) 'nickname'")]
    [InlineData("", "The file is empty")]
    public async Task A_wrong_csv_header_is_refused_with_exit_code_2_and_nothing_written(string content, string message)
    {
        var input = fixture.TempFile(".csv");
        await File.WriteAllTextAsync(input, content);
        var fresh = fixture.FreshDatabase();

        var (exitCode, _, stderr) = await TransferFixture.RunAsync(fresh, "import", "--entity", "workers", "--input", input);

        Assert.Equal(2, exitCode);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.Contains("Nothing was written", stderr, StringComparison.Ordinal);
        Assert.Equal(0, TransferFixture.Scalar(fresh, "SELECT COUNT(*) FROM Workers"));
    }

    [Fact]
    public async Task An_empty_file_an_unknown_entity_and_a_too_large_batch_are_refused_with_exit_code_2()
    {
        var empty = fixture.TempFile(".ndjson");
        await File.WriteAllTextAsync(empty, "\n\n");
        var fresh = fixture.FreshDatabase();

        var (exitCode, _, stderr) = await TransferFixture.RunAsync(fresh, "import", "--entity", "workers", "--input", empty);
        Assert.Equal(2, exitCode);
        Assert.Contains("the file holds no records. Nothing was written.", stderr, StringComparison.Ordinal);

        (exitCode, _, stderr) = await TransferFixture.RunAsync(fresh, "import", "--entity", "wizards", "--input", fixture.SourceNdjson);
        Assert.Equal(2, exitCode);
        Assert.Contains("unknown entity 'wizards'. Entities: assessments, communities, gradeSchemes, posts, regions, trainingRecords, trainings, workers", stderr, StringComparison.Ordinal);

        (exitCode, _, stderr) = await TransferFixture.RunAsync(fresh, "export", "--entity", "wizards", "--output", fixture.TempFile(".csv"));
        Assert.Equal(2, exitCode);
        Assert.Contains("unknown entity 'wizards'", stderr, StringComparison.Ordinal);

        (exitCode, _, stderr) = await TransferFixture.RunAsync(fresh, "import", "--entity", "workers", "--input", fixture.SourceNdjson, "--batch-size", "1001");
        Assert.Equal(2, exitCode);
        Assert.Contains("LIMIT_EXCEEDED: --batch-size is at most 1,000", stderr, StringComparison.Ordinal);

        (exitCode, _, stderr) = await TransferFixture.RunAsync(fresh, "import", "--entity", "workers", "--input", fixture.TempFile(".txt"));
        Assert.Equal(2, exitCode);
        Assert.Contains("--format ndjson|csv is required", stderr, StringComparison.Ordinal);

        Assert.Equal(0, TransferFixture.Scalar(fresh, "SELECT COUNT(*) FROM Workers"));
    }

    [Fact]
    public async Task A_file_of_1001_records_is_written_in_two_batches()
    {
        var input = fixture.TempFile(".ndjson");
        await File.WriteAllLinesAsync(input, File.ReadLines(fixture.SourceNdjson).Take(1001));
        var fresh = fixture.FreshDatabase();

        var stdout = await TransferFixture.RunOkAsync(fresh, "import", "--entity", "workers", "--input", input);

        Assert.Contains("1,001 records in 2 batches", stdout, StringComparison.Ordinal);
        Assert.Contains("created 1,001, updated 0, unchanged 0, rejected 0", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_killed_import_leaves_whole_batches_and_a_rerun_finishes_the_job()
    {
        const int batchSize = 50;
        var fresh = fixture.FreshDatabase();
        using (var import = TransferFixture.Start(fresh, "import", "--entity", "workers", "--input", fixture.SourceNdjson, "--batch-size", batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (TransferFixture.Scalar(fresh, "SELECT COUNT(*) FROM Workers") == 0 && !import.HasExited && DateTime.UtcNow < deadline)
            {
                await Task.Delay(10);
            }

            import.Kill();
            await import.WaitForExitAsync();
        }

        var workers = TransferFixture.Scalar(fresh, "SELECT COUNT(*) FROM Workers");
        Assert.InRange(workers, batchSize, fixture.SourceWorkers - 1);
        Assert.Equal(0, workers % batchSize);
        Assert.Equal(workers, TransferFixture.Scalar(fresh, "SELECT COUNT(*) FROM ChangeLog"));
        Assert.Equal(workers, TransferFixture.Scalar(fresh, "SELECT COUNT(*) FROM ChangeLog c JOIN Workers w ON w.Id = c.EntityId WHERE c.EntityType = 'Worker'"));

        var stdout = await TransferFixture.RunOkAsync(fresh, "import", "--entity", "workers", "--input", fixture.SourceNdjson);
        Assert.Contains($"created {fixture.SourceWorkers - workers:N0}, updated 0, unchanged {workers:N0}, rejected 0", stdout, StringComparison.Ordinal);
        var again = fixture.TempFile(".ndjson");
        await TransferFixture.RunOkAsync(fresh, "export", "--entity", "workers", "--format", "ndjson", "--output", again);
        Assert.Equal(TransferFixture.Sha256(fixture.SourceNdjson), TransferFixture.Sha256(again));
    }

    [Fact]
    public async Task Every_entity_exported_and_imported_into_a_fresh_database_in_dependency_order_exports_the_same()
    {
        // A new file: the first import creates and migrates it. The import's "today" is the clock, not the seed's
        // as-of date (2026-01-01); the seed dates everything on or before its as-of date, so any later today sees the
        // same current posts and the same schemes in force.
        var fresh = fixture.TempFile(".db");
        long records = 0;
        foreach (var entity in TransferFixture.Entities)
        {
            var lines = File.ReadLines(fixture.SourceExport(entity)).LongCount();
            records += lines;
            var stdout = await TransferFixture.RunOkAsync(fresh, "import", "--entity", entity, "--input", fixture.SourceExport(entity));
            Assert.Contains($"created {lines:N0}, updated 0, unchanged 0, rejected 0", stdout, StringComparison.Ordinal);
        }

        // Exported after everything is in: importing posts moves workers' community of record to follow their posts,
        // which must leave the workers' communityCode as exported.
        foreach (var entity in TransferFixture.Entities)
        {
            var again = fixture.TempFile(".ndjson");
            await TransferFixture.RunOkAsync(fresh, "export", "--entity", entity, "--format", "ndjson", "--output", again);
            Assert.True(TransferFixture.Sha256(fixture.SourceExport(entity)) == TransferFixture.Sha256(again), $"The {entity} export of the fresh database differs from the source's.");
        }

        foreach (var table in new[] { "Regions", "GradeSchemes", "GradeRanges", "Communities", "Workers", "Trainings", "Posts", "TrainingRecords", "Assessments" })
        {
            var count = $"SELECT COUNT(*) FROM {table}";
            Assert.True(TransferFixture.Scalar(fixture.SourceDatabase, count) == TransferFixture.Scalar(fresh, count), $"{table}: row counts differ.");
        }

        // Every row written once, each in the change feed as the import's.
        Assert.Equal(records, TransferFixture.Scalar(fresh, "SELECT COUNT(*) FROM ChangeLog WHERE Actor = 'import'"));
        Assert.Equal(records, TransferFixture.Scalar(fresh, "SELECT COUNT(*) FROM ChangeLog"));
    }

    [Fact]
    public async Task Csv_exports_of_grade_schemes_and_posts_import_to_the_same_data()
    {
        // Grade schemes: nested categories in one cell. Posts: a composite natural key and a nullable endDate.
        var target = fixture.CopyOfSource("DELETE FROM Posts; DELETE FROM GradeRanges; DELETE FROM GradeSchemes; DELETE FROM ChangeLog;");
        foreach (var entity in new[] { "gradeSchemes", "posts" })
        {
            var csv = fixture.TempFile(".csv");
            await TransferFixture.RunOkAsync(fixture.SourceDatabase, "export", "--entity", entity, "--format", "csv", "--output", csv);
            var lines = File.ReadAllLines(csv);
            var stdout = await TransferFixture.RunOkAsync(target, "import", "--entity", entity, "--input", csv);
            Assert.Contains($"created {lines.Length - 1:N0}, updated 0, unchanged 0, rejected 0", stdout, StringComparison.Ordinal);

            var ndjson = fixture.TempFile(".ndjson");
            await TransferFixture.RunOkAsync(target, "export", "--entity", entity, "--format", "ndjson", "--output", ndjson);
            Assert.True(TransferFixture.Sha256(fixture.SourceExport(entity)) == TransferFixture.Sha256(ndjson), $"{entity}: the data imported from CSV differs.");
            if (entity == "gradeSchemes")
            {
                Assert.EndsWith(",excellentQuotaPercent,categories", lines[0], StringComparison.Ordinal);
                Assert.EndsWith(",15,PRINCIPAL:7-18;DEPUTY:4-15;STAFF:1-12", lines[1], StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal("workerIdNumber,communityCode,role,startDate,endDate,grade", lines[0]);
                Assert.Contains(lines, l => l.Contains(",,", StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public async Task A_categories_cell_that_is_no_category_list_is_rejected_by_line()
    {
        const string header = "code,name,regionCode,effectiveFrom,yearsPerStep,bachelorBonus,masterBonus,doctorBonus,assistantBonus,intermediateBonus,seniorBonus,excellentQuotaPercent,categories";
        var input = fixture.TempFile(".csv");
        await File.WriteAllTextAsync(input, string.Join("\r\n",
            header,
            "T-1,t,320000000000,2030-01-01,3,,,,,,,15, PRINCIPAL:7-18 ; DEPUTY:4-15",
            "T-2,t,320000000000,2030-01-01,3,,,,,,,15,PRINCIPAL:7-18;BOSS:1-2",
            "T-3,t,320000000000,2030-01-01,3,,,,,,,15,PRINCIPAL 7-18",
            "T-4,t,320000000000,2030-01-01,3,,,,,,,15,PRINCIPAL:18-7",
            "T-5,t,320000000000,2030-01-01,3,,,,,,,15,") + "\r\n");
        var fresh = fixture.FreshDatabase();

        var (exitCode, stdout, _) = await TransferFixture.RunAsync(fresh, "import", "--entity", "gradeSchemes", "--input", input);

        Assert.Equal(3, exitCode);
        Assert.Contains("created 1, updated 0, unchanged 0, rejected 4", stdout, StringComparison.Ordinal);
        Assert.Contains("line 3: INVALID_VALUE (categories)", stdout, StringComparison.Ordinal);
        Assert.Contains("line 4: INVALID_VALUE (categories): `categories` is CATEGORY:minGrade-maxGrade for each category, joined by `;`", stdout, StringComparison.Ordinal);
        Assert.Contains("line 5: INVALID_VALUE (categories): The range of", stdout, StringComparison.Ordinal);
        Assert.Contains("line 6: INVALID_VALUE (categories): `categories` is required.", stdout, StringComparison.Ordinal);
        Assert.Equal(2, TransferFixture.Scalar(fresh, "SELECT COUNT(*) FROM GradeRanges r JOIN GradeSchemes s ON s.Id = r.GradeSchemeId WHERE s.Code = 'T-1'"));
    }

    [Fact]
    public void A_record_with_a_nested_field_goes_to_csv_only_with_a_cell_encoding_for_it()
    {
        var contract = TransferFormat.Json.GetTypeInfo(typeof(GradeSchemeInput));
        Assert.Contains("CSV cannot hold the field(s) categories", CsvCell.CsvProblem(contract, CsvCell.None), StringComparison.Ordinal);
        Assert.Null(CsvCell.CsvProblem(contract, new Dictionary<string, CsvCell> { ["categories"] = GradeRangeCell.Instance }));
        Assert.Null(CsvCell.CsvProblem(TransferFormat.Json.GetTypeInfo(typeof(WorkerInput)), CsvCell.None));
    }

    // What a caller of prefecture 3202 (无锡市) sees: its own rows, plus the regions above it (320000000000), the schemes
    // and programmes they set, and national programmes; posts, assessments and training records only when their
    // worker's community of record is in the region too.
    [Theory]
    [InlineData("regions", "code", "SELECT COUNT(*) FROM Regions WHERE Code LIKE '3202%' OR Code = '320000000000'")]
    [InlineData("gradeSchemes", "regionCode", "SELECT COUNT(*) FROM GradeSchemes g JOIN Regions r ON r.Id = g.RegionId WHERE r.Code LIKE '3202%' OR r.Code = '320000000000'")]
    [InlineData("communities", "code", "SELECT COUNT(*) FROM Communities WHERE Code LIKE '3202%'")]
    [InlineData("trainings", "organizerCode", "SELECT COUNT(*) FROM Trainings t LEFT JOIN Regions r ON r.Id = t.OrganizerId WHERE t.OrganizerId IS NULL OR r.Code LIKE '3202%' OR r.Code = '320000000000'")]
    [InlineData("posts", "communityCode", "SELECT COUNT(*) FROM Posts x JOIN Communities c ON c.Id = x.CommunityId JOIN Workers w ON w.Id = x.WorkerId JOIN Communities wc ON wc.Id = w.CommunityId WHERE c.Code LIKE '3202%' AND wc.Code LIKE '3202%'")]
    [InlineData("assessments", "communityCode", "SELECT COUNT(*) FROM Assessments x JOIN Communities c ON c.Id = x.CommunityId JOIN Workers w ON w.Id = x.WorkerId JOIN Communities wc ON wc.Id = w.CommunityId WHERE c.Code LIKE '3202%' AND wc.Code LIKE '3202%'")]
    [InlineData("trainingRecords", "trainingCode", "SELECT COUNT(*) FROM TrainingRecords x JOIN Workers w ON w.Id = x.WorkerId JOIN Communities wc ON wc.Id = w.CommunityId JOIN Trainings t ON t.Id = x.TrainingId LEFT JOIN Regions r ON r.Id = t.OrganizerId WHERE wc.Code LIKE '3202%' AND (t.OrganizerId IS NULL OR r.Code LIKE '3202%' OR r.Code = '320000000000')")]
    public async Task Export_with_a_region_writes_what_a_caller_of_that_region_sees(string entity, string field, string countSql)
    {
        var output = fixture.TempFile(".ndjson");
        await TransferFixture.RunOkAsync(fixture.SourceDatabase, "export", "--entity", entity, "--format", "ndjson", "--output", output, "--region", "3202");

        var values = File.ReadLines(output).Select(l => JsonNode.Parse(l)![field]?.GetValue<string>()).ToList();
        Assert.NotEmpty(values);
        Assert.Equal(TransferFixture.Scalar(fixture.SourceDatabase, countSql), values.Count);
        if (entity != "trainingRecords")
        {
            Assert.All(values, v => Assert.True(v is null ? entity == "trainings" : v.StartsWith("3202", StringComparison.Ordinal) || v == "320000000000", $"{entity}: {field} {v}"));
        }
    }

    [Fact]
    public void Every_enum_of_a_record_is_written_by_its_graphql_name()
    {
        var enumTypes = typeof(WorkerInput).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == typeof(Features.Common.DescribedEnumGraphType<>))
            .ToList();
        Assert.NotEmpty(enumTypes);
        foreach (var type in enumTypes)
        {
            var graphType = (EnumerationGraphType)Activator.CreateInstance(type)!;
            foreach (var value in graphType.Values)
            {
                var json = JsonSerializer.Serialize(value.Value, value.Value!.GetType(), TransferFormat.Json);
                Assert.Equal($"\"{value.Name}\"", json);
                Assert.Equal(value.Value, JsonSerializer.Deserialize(json, value.Value.GetType(), TransferFormat.Json));
            }
        }
    }
}
