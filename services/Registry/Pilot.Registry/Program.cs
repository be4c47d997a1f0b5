using Pilot.ServiceDefaults;
using Pilot.Registry;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddRegistryService();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapRegistryService();
app.Run();

/// <summary>Entry point, visible to the in-process tests.</summary>
public partial class Program;
