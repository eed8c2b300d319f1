namespace WorkforceGraph.Benchmarks;

/// <summary>A failure the harness explains in one message (and exits with 1) instead of a stack trace.</summary>
internal sealed class BenchmarkException : Exception
{
    public BenchmarkException()
    {
    }

    public BenchmarkException(string message)
        : base(message)
    {
    }

    public BenchmarkException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
