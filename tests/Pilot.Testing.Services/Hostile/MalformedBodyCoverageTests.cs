using Google.Protobuf.Reflection;
using Grpc.Core;

namespace Pilot.Testing.Services.Hostile;

/// <summary>
/// A body that is not the method's protobuf (garbage, truncated, invalid UTF-8, a lone surrogate) is INVALID_ARGUMENT
/// on every method a service maps, the standard health and reflection services included (grpc-dotnet's own binder
/// answered Unknown). A service's test class names its factory and its <c>.proto</c>; methods added later are covered.
/// </summary>
public abstract class MalformedBodyCoverageTests<TProgram>(ServiceFactory<TProgram> factory, FileDescriptor proto)
    where TProgram : class
{
    [Fact]
    public async Task Every_method_refuses_a_malformed_body_with_invalid_argument()
    {
        using var channel = factory.CreateChannel();
        var headers = Bearer.Header(factory.Tokens.Issue("national-centre", subject: "malformed"));
        var descriptors = RequestDescriptors.Of(proto);
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
        Assert.Contains(methods, m => m.ServiceName == "grpc.health.v1.Health");
        Assert.Contains(methods, m => descriptors.ContainsKey(m.FullName));
    }
}
