using System.Diagnostics;
using Google.Rpc;
using Grpc.Core;

namespace Pilot.Demo;

/// <summary>Runs and reports demo steps, each in its own span; counts what did not go as expected.</summary>
internal sealed class DemoSteps(TextWriter output)
{
    private static readonly ActivitySource Source = new("Pilot.Demo");

    public int Failures { get; private set; }

    public async Task Expect(string name, Func<Task<string>> step)
    {
        using var activity = StartStep(name);
        try
        {
            var outcome = await step().ConfigureAwait(false);
            output.WriteLine($"ok   {name}: {outcome}");
        }
        catch (RpcException error)
        {
            Failures++;
            activity?.SetStatus(ActivityStatusCode.Error, error.Status.Detail);
            output.WriteLine($"FAIL {name}: {error.StatusCode} {error.Status.Detail}");
        }
    }

    /// <summary>A step that must be refused under <paramref name="rule"/>, as the status details say.</summary>
    public async Task ExpectRefusal(string name, string rule, Func<Task<string>> step)
    {
        using var activity = StartStep(name);
        try
        {
            await step().ConfigureAwait(false);
            Failures++;
            output.WriteLine($"FAIL {name}: was accepted, expected a refusal under {rule}");
        }
        catch (RpcException error)
        {
            var reason = error.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason;
            if (reason == rule)
            {
                output.WriteLine($"ok   {name}: refused {error.StatusCode} {rule}: {error.Status.Detail}");
            }
            else
            {
                Failures++;
                output.WriteLine($"FAIL {name}: refused with {reason ?? "no rule"} ({error.StatusCode} {error.Status.Detail}), expected {rule}");
            }
        }
    }

    /// <summary>
    /// Each step is a trace of its own, so the dashboard lists the demo's steps one by one and a search for a method
    /// finds the step that called it. Clearing the current activity affects this step's flow only.
    /// </summary>
    public static Activity? StartStep(string name)
    {
        Activity.Current = null;
        return Source.StartActivity(name);
    }
}
