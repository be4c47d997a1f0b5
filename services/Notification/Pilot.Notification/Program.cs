using Pilot.ServiceDefaults;
using Pilot.Notification;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddNotificationService();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapNotificationService();
app.Run();

/// <summary>Entry point, visible to the in-process tests.</summary>
public partial class Program;
