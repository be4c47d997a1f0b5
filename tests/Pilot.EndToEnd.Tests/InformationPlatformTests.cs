using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Pilot.Testing;

namespace Pilot.EndToEnd.Tests;

/// <summary>
/// From the demo's filing-accepted events to the reference subscriber's copy: the directory version it holds, built
/// from publication-events alone, equals the one Publication publishes, byte for byte by its hash.
/// </summary>
[Collection(PilotAppFixture.Collection)]
public sealed class InformationPlatformTests(PilotAppFixture fixture)
{
    [Fact]
    public async Task The_reference_subscribers_copy_of_the_directory_equals_the_published_version()
    {
        var ct = TestContext.Current.CancellationToken;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(5));
        var finished = await fixture.App.ResourceNotifications.WaitForResourceAsync(
            "demo", resource => KnownResourceStates.TerminalStates.Contains(resource.Snapshot.State?.Text), timeout.Token);
        Assert.Equal(0, finished.Snapshot.ExitCode);

        using var publication = new HttpClient { BaseAddress = fixture.App.GetEndpoint("publication", "http") };
        using var platform = new HttpClient { BaseAddress = fixture.App.GetEndpoint("infoplatform", "http") };
        var export = await publication.GetByteArrayAsync("/v1/directory/2020-1/versions/0/export?format=json", ct);
        using var published = JsonDocument.Parse(export);

        JsonElement copy = default;
        await Eventually.HoldsAsync(async () =>
        {
            using var response = await platform.GetAsync("/api/directory/2020-1", ct);
            if (!response.IsSuccessStatusCode)
            {
                return false;
            }

            copy = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).Clone();
            return copy.GetProperty("exportCheck").ValueKind == JsonValueKind.Object
                && copy.GetProperty("exportCheck").GetProperty("status").GetString() == "matches";
        }, "the platform holds the version and has checked it against Publication's export", TimeSpan.FromSeconds(60));

        Assert.Equal(published.RootElement.GetProperty("version").GetInt32(), copy.GetProperty("version").GetInt32());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(export)), copy.GetProperty("exportSha256").GetString());
        Assert.Equal(Listing(published.RootElement), Listing(copy));
        Assert.Contains("br-jtpj-bj", Listing(copy));
        Assert.DoesNotContain("br-jtpj-gd", Listing(copy));
    }

    private static List<string> Listing(JsonElement version) =>
        version.GetProperty("organisations").EnumerateArray()
            .SelectMany(organisation => new[] { organisation.GetProperty("organisationId").GetString() + " " + organisation.GetProperty("name").GetString() }
                .Concat(organisation.GetProperty("branches").EnumerateArray().Select(branch => branch.GetProperty("branchId").GetString()!)))
            .ToList();
}
