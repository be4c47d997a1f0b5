using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Pilot.Scheduling;

/// <summary>
/// Runs a pass at start (catching up whatever fell due while no replica ran) and then every poll interval, at once
/// again after a full batch. A pass with nothing due makes no span: a trace per poll would bury the jobs' traces.
/// </summary>
internal sealed partial class ScheduledJobPolling(
    ScheduledJobRunner runner,
    IOptions<SchedulingOptions> options,
    TimeProvider time,
    ILogger<ScheduledJobPolling> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Whatever was current when the host started is not the parent of every job that will ever run.
        Activity.Current = null;
        var settings = options.Value;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var pass = new PassResult(0, 0);
                try
                {
                    pass = await runner.RunPassAsync(stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // Redis down, most likely: the loop must outlive it.
                    LogPassFailed(ex);
                }

                if (pass.Claimed < settings.BatchSize)
                {
                    await Task.Delay(settings.PollInterval, time, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Claiming due jobs failed; will retry")]
    private partial void LogPassFailed(Exception error);
}
