using Pilot.Samples.InfoPlatform;

var app = InfoPlatformApp.Build(args);
await app.RunAsync();
