using WorkforceGraph.Api.Commands;

if (args is ["seed", .. var seedArgs])
{
    // Commands read configuration (appsettings, environment) but not the command line's own arguments.
    var configuration = WebApplication.CreateBuilder([]).Configuration;
    return await SeedCommand.RunAsync(seedArgs, configuration, CancellationToken.None);
}

var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
await app.RunAsync();
return 0;
