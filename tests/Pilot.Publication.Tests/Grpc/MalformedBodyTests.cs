using Grpc.Core;
using Pilot.Publication.Tests.Journey;
using Pilot.Testing.Services;
using Pilot.Testing.Services.Hostile;

namespace Pilot.Publication.Tests.Grpc;

/// <summary>A body that is not the method's protobuf is INVALID_ARGUMENT on every method Publication serves, the public ones included.</summary>
public sealed class MalformedBodyTests(JourneyFactory factory) : IClassFixture<JourneyFactory>
{
    [Fact]
    public async Task Every_method_refuses_a_malformed_body_with_invalid_argument()
    {
        using var channel = factory.CreateChannel();
        var headers = Bearer.Header(factory.Tokens.Issue("national-centre", subject: "malformed"));
        var descriptors = RequestDescriptors.Of(Protos.Publication.PublicationReflection.Descriptor);
        var problems = new List<string>();
        var methods = GrpcSurface.MappedMethods(factory.Services);
        foreach (var method in methods)
        {
            var bodies = MalformedBodies.ForAnyMessage();
            if (descriptors.TryGetValue(method.FullName, out var request))
            {
                bodies = bodies.Concat(MalformedBodies.ForTextOf(request));
            }

            foreach (var (name, body) in bodies)
            {
                var answer = await RawCall.SendAsync(channel, method, body, headers);
                if (answer.Code != StatusCode.InvalidArgument)
                {
                    problems.Add($"{method.FullName} {name}: {answer}");
                }
            }
        }

        Assert.Empty(problems);
        Assert.Contains(methods, m => m.FullName == "/pilot.publication.v1.Publication/RaiseObjection");
    }
}
