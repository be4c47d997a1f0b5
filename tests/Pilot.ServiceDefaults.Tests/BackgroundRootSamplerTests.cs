using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Pilot.ServiceDefaults.Telemetry;

namespace Pilot.ServiceDefaults.Tests;

public sealed class BackgroundRootSamplerTests
{
    [Fact]
    public void Background_client_calls_make_no_root_trace_while_calls_inside_an_operation_and_other_roots_are_kept()
    {
        using var source = new ActivitySource($"Pilot.Test.{Guid.NewGuid():N}");
        var exported = new List<Activity>();
        using var tracing = Sdk.CreateTracerProviderBuilder()
            .SetSampler(new BackgroundRootSampler())
            .AddSource(source.Name)
            .AddProcessor(new Collect(exported))
            .Build();
        Activity.Current = null;

        using (source.StartActivity("XREADGROUP", ActivityKind.Client))
        {
        }

        using (var call = source.StartActivity("AcceptFiling", ActivityKind.Server))
        {
            using (source.StartActivity("EVALSHA", ActivityKind.Client))
            {
            }
        }

        using (source.StartActivity("demo: open the batch", ActivityKind.Internal))
        {
        }

        tracing.ForceFlush();
        Assert.Equal(["EVALSHA", "AcceptFiling", "demo: open the batch"], exported.Select(activity => activity.DisplayName));
    }

    private sealed class Collect(List<Activity> ended) : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity data) => ended.Add(data);
    }
}
