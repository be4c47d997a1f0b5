using Microsoft.Extensions.Hosting;
using Pilot.Demo;
using Pilot.ServiceDefaults.Telemetry;

var builder = Host.CreateApplicationBuilder(args);
builder.ConfigurePilotTelemetry();
using var host = builder.Build();
await host.StartAsync().ConfigureAwait(false);

var demo = DemoContext.FromConfiguration(builder.Configuration);
var exitCode = await new DemoScript(demo, Console.Out).RunAsync().ConfigureAwait(false);

await host.StopAsync().ConfigureAwait(false);
return exitCode;
