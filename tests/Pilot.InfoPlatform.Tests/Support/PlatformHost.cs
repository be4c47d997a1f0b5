using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Pilot.Samples.InfoPlatform;
using Pilot.Samples.InfoPlatform.SidecarStandIn;

namespace Pilot.InfoPlatform.Tests.Support;

/// <summary>
/// The reference subscriber as it runs: the real app on Kestrel on a free loopback port, its sidecar stand-in reading
/// the test's Redis database, with short retry and claim timings.
/// </summary>
public sealed class PlatformHost : IAsyncDisposable
{
    private PlatformHost(WebApplication app, Uri address)
    {
        App = app;
        Http = new HttpClient { BaseAddress = address };
    }

    public WebApplication App { get; }

    public HttpClient Http { get; }

    public const string AppId = "infoplatform";

    public static string[] StandInSettings(TestDatabase database, int port) =>
    [
        $"--urls=http://127.0.0.1:{port}",
        $"--ConnectionStrings:redis={database.ConnectionString}",
        "--Logging:LogLevel:Default=Warning",
        "--InfoPlatform:StandIn:ReadBlockTime=00:00:00.200",
        "--InfoPlatform:StandIn:InitialRetryDelay=00:00:00.100",
        "--InfoPlatform:StandIn:MaxRetryDelay=00:00:00.400",
        "--InfoPlatform:StandIn:ClaimInterval=00:00:00.200",
        "--InfoPlatform:StandIn:ProcessingTimeout=00:00:01",
        $"--InfoPlatform:StandIn:ConsumerName=test-{Guid.NewGuid():N}",
    ];

    public static async Task<PlatformHost> StartAsync(TestDatabase database, params string[] settings)
    {
        var port = LoopbackPorts.ForImmediateUse();
        var app = InfoPlatformApp.Build([.. StandInSettings(database, port), .. settings]);
        await app.StartAsync();
        if (app.Services.GetService<RedisStreamsSidecar>() is { } standIn)
        {
            await standIn.Listening.WaitAsync(TimeSpan.FromSeconds(20));
        }

        return new PlatformHost(app, new Uri($"http://127.0.0.1:{port}/"));
    }

    public async Task<JsonElement> GetJsonAsync(string path) => await Http.GetFromJsonAsync<JsonElement>(path);

    public async Task<JsonElement?> DirectoryAsync(string batchId)
    {
        using var response = await Http.GetAsync($"api/directory/{batchId}");
        return response.StatusCode == System.Net.HttpStatusCode.NotFound ? null : await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement?> EntryAsync(string entryId) =>
        (await GetJsonAsync("api/publicity")).EnumerateArray().Cast<JsonElement?>().FirstOrDefault(e => e!.Value.GetProperty("entryId").GetString() == entryId);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
