using Pilot.Filing.Grpc;
using Pilot.Testing.Services;
using Pilot.Testing.Services.Hostile;
using Proto = Pilot.Protos.Filing;

namespace Pilot.Filing.Tests.Grpc;

/// <summary>
/// Filing's limits are declared once (<see cref="FilingInputLimits"/>): every field a request can carry has
/// one, its <c>.proto</c> comment states it, and every method refuses a request one past any of them with
/// INVALID_ARGUMENT naming the field, storing nothing.
/// </summary>
public sealed class InputLimitsTests(FilingFactory factory) : IClassFixture<FilingFactory>
{
    private static readonly ServiceDefaults.Grpc.Input.InputLimits Limits = FilingInputLimits.Create();

    private static IEnumerable<(string Method, Google.Protobuf.Reflection.MessageDescriptor Request)> Methods =>
        Proto.FilingReflection.Descriptor.Services.Single().Methods.Select(m => (m.Name, m.InputType));

    [Fact]
    public void Every_text_bytes_or_repeated_field_of_a_request_has_a_declared_limit()
    {
        Assert.Empty(InputLimitsConformance.Undeclared(Limits, Methods.Select(m => m.Request)));
    }

    [Fact]
    public void Every_declared_limit_is_stated_in_its_proto_comment()
    {
        Assert.Empty(InputLimitsConformance.Unstated(Limits, Proto.FilingReflection.Descriptor, Repository.ProtoText("filing.proto")));
    }

    [Fact]
    public async Task Every_method_refuses_one_past_each_limit_with_invalid_argument_naming_the_field_and_stores_nothing()
    {
        using var channel = factory.CreateChannel();
        var headers = Bearer.Header(factory.Tokens.Issue("national-centre", subject: "limits"));
        var methods = GrpcSurface.MappedMethods(factory.Services).Where(m => m.ServiceName == "pilot.filing.v1.Filing").ToDictionary(m => m.Name);
        var cases = InputLimitsConformance.OnePastEachLimit(Limits, Methods).ToList();
        var keysBefore = await KeyCountAsync();

        var problems = new List<string>();
        foreach (var past in cases)
        {
            if (await InputLimitsConformance.CheckRefusedAsync(channel, methods[past.Method], past, headers) is { } problem)
            {
                problems.Add(problem);
            }
        }

        Assert.Empty(problems);
        Assert.True(cases.Count > 100, $"only {cases.Count} cases");
        Assert.Equal(keysBefore, await KeyCountAsync());
    }

    private async Task<long> KeyCountAsync() =>
        (long)await factory.Redis.ExecuteAsync("DBSIZE");
}
