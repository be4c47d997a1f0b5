using System.Net;
using System.Net.Http.Json;
using Grpc.Core;
using Proto = Pilot.Protos.Publication;

namespace Pilot.Publication.Tests.Journey;

/// <summary>The public may object without a login, so each address is limited: over gRPC and HTTP JSON alike, and before anything is read or stored.</summary>
public sealed class ObjectionRateLimitTests(ObjectionRateLimitTests.TwoPerMinute factory) : IClassFixture<ObjectionRateLimitTests.TwoPerMinute>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_third_objection_in_a_minute_from_one_address_is_refused_and_stores_nothing_while_reads_go_on()
    {
        var client = new Proto.Publication.PublicationClient(factory.CreateChannel());
        var codes = new List<StatusCode>();
        for (var i = 0; i < 3; i++)
        {
            try
            {
                await client.RaiseObjectionAsync(
                    new Proto.RaiseObjectionRequest { RequestId = Guid.NewGuid().ToString(), EntryId = "branch~2020~br-none", Description = "该分支机构的地址不符，请核查。", ContactPhone = "13800138000" },
                    cancellationToken: Ct);
                codes.Add(StatusCode.OK);
            }
            catch (RpcException error)
            {
                codes.Add(error.StatusCode);
            }
        }

        // The first two are read (and find no such entry); the third is turned away at the door.
        Assert.Equal([StatusCode.NotFound, StatusCode.NotFound, StatusCode.ResourceExhausted], codes);
        var keys = (long)await factory.Redis.ExecuteAsync("DBSIZE");

        using var http = factory.CreateClient();
        using var refused = await http.PostAsJsonAsync("/v1/publicity/branch~2020~br-none/objections", new { requestId = Guid.NewGuid().ToString() }, Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
        Assert.Equal(keys, (long)await factory.Redis.ExecuteAsync("DBSIZE"));

        var read = await client.ListPublicityAsync(new Proto.ListPublicityRequest { BatchId = "2020" }, cancellationToken: Ct);
        Assert.Empty(read.Entries);
    }

    public sealed class TwoPerMinute : JourneyFactory
    {
        protected override int ObjectionsPerMinute => 2;
    }
}
