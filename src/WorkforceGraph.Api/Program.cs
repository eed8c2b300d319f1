using WorkforceGraph.Api.Commands;
using WorkforceGraph.Api.Hosting;

if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddWorkforceGraph();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.MapWorkforceGraph();
await app.RunAsync();
return 0;
