using System.Globalization;
using System.Security.Cryptography;
using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Pilot.Samples.InfoPlatform.Copy;

/// <summary>
/// Checks a directory version against Publication's own export: fetches
/// <c>GET {PublicationUrl}/v1/directory/{batch}/versions/{version}/export?format=json</c> and compares the SHA-256 of
/// the bytes received with the event's exportSha256. Runs beside the event route (a slow or absent Publication never
/// holds up the copy), and only when <see cref="InfoPlatformOptions.PublicationUrl"/> is set.
/// </summary>
public sealed partial class ExportVerifier(
    IHttpClientFactory clients,
    PlatformCopy copy,
    IOptions<InfoPlatformOptions> options,
    TimeProvider time,
    ILogger<ExportVerifier> logger) : BackgroundService
{
    public const string HttpClientName = "publication";

    private readonly Channel<(string BatchId, int Version, string ExportSha256)> _queue =
        Channel.CreateUnbounded<(string, int, string)>(new UnboundedChannelOptions { SingleReader = true });

    // An empty or relative setting is "off" too.
    public bool Enabled => options.Value.PublicationUrl is { IsAbsoluteUri: true };

    public void Enqueue(string batchId, int version, string exportSha256)
    {
        if (Enabled)
        {
            _queue.Writer.TryWrite((batchId, version, exportSha256));
        }
    }

    /// <summary>The export's URL for one version.</summary>
    public static Uri ExportUri(Uri publication, string batchId, int version) =>
        new(publication, $"v1/directory/{Uri.EscapeDataString(batchId)}/versions/{version.ToString(CultureInfo.InvariantCulture)}/export?format=json");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        await RequeueUncheckedAsync(stoppingToken);
        await foreach (var (batchId, version, expected) in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            ExportCheck check;
            try
            {
                check = await CheckAsync(batchId, version, expected, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Whatever went wrong, the check is reported and the verifier (and with it the host) goes on.
                logger.LogError(e, "Checking the export of {BatchId} version {Version} failed", batchId, version);
                check = new ExportCheck(ExportCheck.Unavailable, null, e.Message, time.GetUtcNow());
            }

            try
            {
                await copy.SaveExportCheckAsync(batchId, version, check);
            }
            catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
            {
                logger.LogWarning(e, "Could not store the export check of {BatchId} version {Version}", batchId, version);
            }
        }
    }

    public async Task<ExportCheck> CheckAsync(string batchId, int version, string expected, CancellationToken cancellationToken)
    {
        var uri = ExportUri(options.Value.PublicationUrl!, batchId, version);
        string? detail = null;
        for (var attempt = 1; attempt <= Math.Max(1, options.Value.ExportFetchAttempts); attempt++)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(options.Value.ExportFetchTimeout);
                using var response = await clients.CreateClient(HttpClientName).GetAsync(uri, timeout.Token);
                if (response.IsSuccessStatusCode)
                {
                    var bytes = await response.Content.ReadAsByteArrayAsync(timeout.Token);
                    var actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
                    var matches = string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase);
                    if (!matches)
                    {
                        logger.LogError("Directory {BatchId} version {Version}: the export's SHA-256 is {Actual}, the event said {Expected}", batchId, version, actual, expected);
                    }

                    return new ExportCheck(matches ? ExportCheck.Matches : ExportCheck.Differs, actual, uri.ToString(), time.GetUtcNow());
                }

                detail = $"HTTP {(int)response.StatusCode} from {uri}";
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                detail = $"{e.GetType().Name} from {uri}: {e.Message}";
            }

            LogNotFetched(logger, batchId, version, attempt, detail);
            if (attempt < options.Value.ExportFetchAttempts)
            {
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, attempt - 1))), time, cancellationToken);
            }
        }

        return new ExportCheck(ExportCheck.Unavailable, null, detail, time.GetUtcNow());
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Export of {BatchId} version {Version} not fetched (attempt {Attempt}): {Detail}")]
    private static partial void LogNotFetched(ILogger logger, string batchId, int version, int attempt, string? detail);

    // A restart checks the latest version of each batch again if it was never checked (the process stopped first).
    private async Task RequeueUncheckedAsync(CancellationToken stoppingToken)
    {
        try
        {
            foreach (var batchId in await copy.ListBatchesAsync())
            {
                stoppingToken.ThrowIfCancellationRequested();
                if (await copy.LatestDirectoryAsync(batchId) is { } latest && await copy.ExportCheckAsync(batchId, latest.Version) is null)
                {
                    Enqueue(batchId, latest.Version, latest.ExportSha256);
                }
            }
        }
        catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
        {
            logger.LogWarning(e, "Could not look for unchecked directory versions at start");
        }
    }
}
