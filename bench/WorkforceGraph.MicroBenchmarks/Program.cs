using System.Diagnostics;
using BenchmarkDotNet.Running;
using WorkforceGraph.MicroBenchmarks;

// dotnet run -c Release --project bench/WorkforceGraph.MicroBenchmarks -- --filter '*' [BenchmarkDotNet options]
// --rounds [N]: a quick comparison for a busy shared machine: the stages run interleaved in N rounds (default 30) of
// 100 calls each, and each stage reports its best round (wall-clock and process CPU time per call), which load from
// other processes disturbs far less than a mean.
if (args.Length > 0 && args[0] == "--rounds")
{
    var rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 30;
    const int Calls = 100;
    foreach (var query in (Environment.GetEnvironmentVariable("BENCH_QUERIES") ?? "a,b").Split(','))
    {
        var bench = new DashboardPipelineBenchmarks { Query = query };
        bench.Setup();
        var stages = new List<(string Name, Func<Task> Run)>
        {
            ("RawSql", () => Task.FromResult(bench.RawSql())),
            ("EfOpenOnly", bench.EfOpenOnly),
            ("EfLinq", bench.EfLinq),
            ("Execute", bench.Execute),
            ("ExecuteAndSerialize", bench.ExecuteAndSerialize),
        };
        if (query == "a")
        {
            stages.Insert(3, ("EfCompiled", bench.EfCompiled));
        }

        var bestWall = new double[stages.Count];
        var bestCpu = new double[stages.Count];
        Array.Fill(bestWall, double.MaxValue);
        Array.Fill(bestCpu, double.MaxValue);
        for (var round = -3; round < rounds; round++)
        {
            for (var s = 0; s < stages.Count; s++)
            {
                var process = Process.GetCurrentProcess();
                var cpu = process.TotalProcessorTime;
                var wall = Stopwatch.StartNew();
                for (var i = 0; i < Calls; i++)
                {
                    await stages[s].Run();
                }

                process.Refresh();
                if (round >= 0)
                {
                    bestWall[s] = Math.Min(bestWall[s], wall.Elapsed.TotalMicroseconds / Calls);
                    bestCpu[s] = Math.Min(bestCpu[s], (process.TotalProcessorTime - cpu).TotalMicroseconds / Calls);
                }
            }
        }

        for (var s = 0; s < stages.Count; s++)
        {
            Console.WriteLine($"({query}) {stages[s].Name,-20} best round: wall {bestWall[s],7:F0} us/call, cpu {bestCpu[s],7:F0} us/call");
        }

        bench.Cleanup();
    }

    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
