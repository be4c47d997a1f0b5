using Pilot.ServiceDefaults;
using Pilot.Publication;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPublicationService();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapPublicationService();
app.Run();

/// <summary>Entry point, visible to the in-process tests.</summary>
public partial class Program;
