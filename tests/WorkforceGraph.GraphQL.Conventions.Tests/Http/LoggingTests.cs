using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using WorkforceGraph.GraphQL.Conventions.Tests.Toy;

namespace WorkforceGraph.GraphQL.Conventions.Tests.Http;

/// <summary>§2: unexpected exceptions are logged with the trace id, never with the variables.</summary>
public sealed class LoggingTests
{
    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<(LogLevel Level, string Message, Exception? Exception)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new CapturingLogger(this);

        public void Dispose()
        {
        }

        private sealed class CapturingLogger(CapturingLoggerProvider provider) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                provider.Entries.Enqueue((logLevel, formatter(state, exception), exception));
        }
    }

    [Fact]
    public async Task Unexpected_exception_is_logged_with_trace_id_and_without_variables()
    {
        var logs = new CapturingLoggerProvider();
        await using var client = await GraphQLHttpClient.StartAsync(ToyHost.Build(configure: b => b.Logging.AddProvider(logs)));

        var response = await client.PostJsonAsync("""{"query":"query Shelf($note: String) { boom(note: $note) }","variables":{"note":"SECRET-42"}}""");

        Assert.Equal(200, response.Status);
        var entry = Assert.Single(logs.Entries, e => e.Level == LogLevel.Error);
        Assert.Matches(@"^Unexpected GraphQL execution error \(trace \S+, operation Shelf, field boom\)$", entry.Message);
        Assert.Equal("Shelf 7 collapsed", entry.Exception?.Message);
        Assert.DoesNotContain("SECRET-42", entry.Message, StringComparison.Ordinal);
    }
}
