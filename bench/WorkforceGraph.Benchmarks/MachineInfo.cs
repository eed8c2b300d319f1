using System.Runtime.InteropServices;

namespace WorkforceGraph.Benchmarks;

/// <summary>Where the figures were measured; read from /proc on Linux, "unknown" elsewhere.</summary>
internal sealed record MachineInfo(int Processors, string Cpu, string Memory, string OperatingSystem, string Runtime, DateTime DateUtc)
{
    public static MachineInfo Current() => new(
        Environment.ProcessorCount,
        ProcField("/proc/cpuinfo", "model name") ?? "unknown",
        ProcField("/proc/meminfo", "MemTotal") is { } kb && long.TryParse(kb.Split(' ')[0], out var k)
            ? $"{k / 1024.0 / 1024.0:F1} GiB"
            : "unknown",
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        DateTime.UtcNow);

    private static string? ProcField(string path, string name)
    {
        try
        {
            return File.Exists(path)
                ? File.ReadLines(path)
                    .Where(l => l.StartsWith(name, StringComparison.Ordinal))
                    .Select(l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim())
                    .FirstOrDefault()
                : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
