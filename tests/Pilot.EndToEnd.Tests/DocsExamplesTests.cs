using System.Text.Json;
using System.Text.RegularExpressions;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Grpc.Core;
using Grpc.Net.Client;
using Pilot.ServiceDefaults.Security;
using Pilot.SharedKernel;
using StackExchange.Redis;
using FilingProto = Pilot.Protos.Filing;

namespace Pilot.EndToEnd.Tests;

/// <summary>The docs' examples name what the demo creates, and show events as they are: a test, so they stay true.</summary>
[Collection(PilotAppFixture.Collection)]
public sealed partial class DocsExamplesTests(PilotAppFixture fixture)
{
    [Fact]
    public async Task The_filing_examples_name_the_demos_filings_and_leave_the_one_to_accept_submitted()
    {
        var ct = TestContext.Current.CancellationToken;
        await DemoFinishedAsync(ct);
        var text = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "docs", "filing.md"), ct);
        var filingIds = FilingIdPattern().Matches(text).Select(match => match.Groups[1].Value).Distinct().ToList();
        var toAccept = AcceptPattern().Match(text).Groups[1].Value;
        Assert.NotEmpty(filingIds);

        var tokens = new LocalTokenIssuer(Convert.FromBase64String((await File.ReadAllTextAsync(fixture.SigningKeyFile, ct)).Trim()));
        var centre = new Metadata { { "Authorization", "Bearer " + tokens.Issue(Roles.NationalCentre, subject: "docs-check") } };
        using var channel = GrpcChannel.ForAddress(fixture.GrpcEndpoint("filing"));
        var filing = new FilingProto.Filing.FilingClient(channel);
        foreach (var filingId in filingIds)
        {
            var record = await filing.GetFilingAsync(new FilingProto.GetFilingRequest { FilingId = filingId }, centre, cancellationToken: ct);
            Assert.Equal(filingId, record.FilingId);
            if (filingId == toAccept)
            {
                Assert.Equal(FilingProto.FilingStatus.Submitted, record.Status);
                Assert.Equal(1, record.Version);
                Assert.Equal("110000", record.Region.Code);
            }
        }

        foreach (var org in OrgPattern().Matches(text).Select(match => match.Groups[1].Value))
        {
            Assert.Contains(filingIds, id => id.Contains(org["org-".Length..], StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_envelope_in_events_md_has_the_attributes_and_data_fields_of_a_real_event_of_its_type()
    {
        var ct = TestContext.Current.CancellationToken;
        await DemoFinishedAsync(ct);
        var text = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "docs", "events.md"), ct);
        using var example = JsonDocument.Parse(JsonBlockPattern().Match(text).Groups[1].Value);
        var type = example.RootElement.GetProperty("type").GetString();

        await using var redis = await ConnectionMultiplexer.ConnectAsync((await fixture.App.GetConnectionStringAsync("redis", ct))!);
        var topic = example.RootElement.GetProperty("topic").GetString()!;
        var real = (await redis.GetDatabase().StreamRangeAsync(topic, "-", "+"))
            .Select(entry => JsonDocument.Parse(entry["data"].ToString()))
            .FirstOrDefault(envelope => envelope.RootElement.GetProperty("type").GetString() == type);
        Assert.True(real is not null, $"no {type} on {topic}");
        using (real)
        {
            Assert.Equal(Names(real.RootElement), Names(example.RootElement));
            Assert.Equal(Names(real.RootElement.GetProperty("data")), Names(example.RootElement.GetProperty("data")));
        }
    }

    private static IEnumerable<string> Names(JsonElement element) => element.EnumerateObject().Select(property => property.Name).Order(StringComparer.Ordinal);

    private async Task DemoFinishedAsync(CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(5));
        var finished = await fixture.App.ResourceNotifications.WaitForResourceAsync(
            "demo", resource => KnownResourceStates.TerminalStates.Contains(resource.Snapshot.State?.Text), timeout.Token);
        Assert.Equal(0, finished.Snapshot.ExitCode);
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Pilot.Aspire.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("the repository root (Pilot.Aspire.sln) is not above the test's folder");
    }

    [GeneratedRegex("\"filingId\"\\s*:\\s*\"([^\"]+)\"")]
    private static partial Regex FilingIdPattern();

    [GeneratedRegex("\"requestId\": \"docs-accept-[^\"]+\", \"filingId\": \"([^\"]+)\"")]
    private static partial Regex AcceptPattern();

    [GeneratedRegex("--org ([a-z0-9-]+)")]
    private static partial Regex OrgPattern();

    [GeneratedRegex("```json\\n(\\{.*?\\n\\})\\n```", RegexOptions.Singleline)]
    private static partial Regex JsonBlockPattern();
}
