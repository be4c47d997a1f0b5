using System.Diagnostics;
using Grpc.Core;
using Grpc.Health.V1;
using Pilot.Protos.Identity;
using Pilot.Protos.Registry;
using Pilot.SharedKernel;

namespace Pilot.Demo;

/// <summary>
/// Walks the notice's steps against the running services and reports each one. It grows with the
/// domain; today it checks that every service is healthy and understands a token.
/// </summary>
internal sealed class DemoScript(DemoContext context, TextWriter output)
{
    public async Task<int> RunAsync()
    {
        var failures = 0;
        foreach (var service in DemoContext.ServiceNames)
        {
            failures += await Step($"{service}: health", () => CheckHealthAsync(service)).ConfigureAwait(false);
            failures += await Step($"{service}: who am I", () => WhoAmIAsync(service)).ConfigureAwait(false);
        }

        failures += await Step("registry: list regions", ListRegionsAsync).ConfigureAwait(false);

        var steps = new DemoSteps(output);
        await using var notifications = new NotificationDemo(context, steps);
        await notifications.SubscribeAsync().ConfigureAwait(false);
        await new RegistryDemo(context, steps).RunAsync().ConfigureAwait(false);
        await new FilingDemo(context, steps).RunAsync().ConfigureAwait(false);
        await new PublicationDemo(context, steps).RunAsync().ConfigureAwait(false);
        await notifications.CheckAsync().ConfigureAwait(false);
        failures += steps.Failures;
        output.WriteLine(failures == 0 ? "demo: all steps passed" : $"demo: {failures} step(s) failed");
        return failures == 0 ? 0 : 1;
    }

    private async Task<int> Step(string name, Func<Task<string>> step)
    {
        using var activity = DemoSteps.StartStep(name);
        try
        {
            var outcome = await step().ConfigureAwait(false);
            output.WriteLine($"ok   {name}: {outcome}");
            return 0;
        }
        catch (RpcException error)
        {
            activity?.SetStatus(ActivityStatusCode.Error, error.Status.Detail);
            output.WriteLine($"FAIL {name}: {error.StatusCode} {error.Status.Detail}");
            return 1;
        }
    }

    private async Task<string> CheckHealthAsync(string service)
    {
        var client = new Health.HealthClient(context.Channel(service));
        var reply = await client.CheckAsync(new HealthCheckRequest()).ConfigureAwait(false);
        return reply.Status == HealthCheckResponse.Types.ServingStatus.Serving
            ? "serving"
            : throw new RpcException(new Status(StatusCode.Unavailable, $"status {reply.Status}"));
    }

    private async Task<string> WhoAmIAsync(string service)
    {
        var token = context.Tokens.Issue(Roles.NationalCentre, subject: "demo", system: "pilot-demo");
        var client = new Identity.IdentityClient(context.Channel(service));
        var reply = await client.WhoAmIAsync(new WhoAmIRequest(), DemoContext.Bearer(token)).ConfigureAwait(false);
        return $"{reply.Service} sees {reply.Subject} as {reply.Role}";
    }

    private async Task<string> ListRegionsAsync()
    {
        var client = new Registry.RegistryClient(context.Channel("registry"));
        var reply = await client.ListRegionsAsync(new ListRegionsRequest()).ConfigureAwait(false);
        return $"{reply.Regions.Count} province-level regions";
    }
}
