using Pilot.Registry.Grpc;
using Pilot.Testing.Services;
using Pilot.Testing.Services.Hostile;

namespace Pilot.Registry.Tests.Grpc;

/// <summary>
/// Property-based hostile input (CsCheck): a few hundred generated calls of every method the Registry serves (its
/// own, health, identity, reflection), with hostile fields, bodies and tokens; see <see cref="HostileSuite"/> for what
/// each answer must be. <c>PILOT_HOSTILE_ITERATIONS</c> sets the calls per method (bench/ runs 10,000).
/// </summary>
public sealed class HostileInputTests(RegistryFactory factory) : IClassFixture<RegistryFactory>
{
    [Fact]
    public async Task Every_method_answers_hostile_calls_with_a_proper_refusal_fast_and_bounded()
    {
        using var channel = factory.CreateChannel();
        var suite = new HostileSuite(channel, factory.Redis, RegistryInputLimits.Create(), RequestDescriptors.Of(Protos.Registry.RegistryReflection.Descriptor));
        await suite.RunAsync(GrpcSurface.MappedMethods(factory.Services), HostileTokens.From(factory.Tokens), HostileSuite.Iterations(200));
    }
}
