using Pilot.AppHost;
using Pilot.AppHost.Resources;

try
{
    var builder = DistributedApplication.CreateBuilder(args);
    builder.AddPilot();
    builder.Build().Run();
}
catch (MissingPrerequisiteException missing)
{
    Console.Error.WriteLine(missing.Message);
    return 1;
}

return 0;
