using Pilot.ServiceDefaults;
using Pilot.Filing;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddFilingService();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapFilingService();
app.Run();

/// <summary>Entry point, visible to the in-process tests.</summary>
public partial class Program;
