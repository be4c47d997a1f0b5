using Pilot.Publication.Grpc;
using Pilot.Publication.Tests.Journey;
using Pilot.Testing.Services;
using Pilot.Testing.Services.Hostile;

namespace Pilot.Publication.Tests.Grpc;

/// <summary>
/// Property-based hostile input (CsCheck) against every method Publication serves, the public objection and directory
/// reads included; see <see cref="HostileSuite"/> for what each answer must be.
/// </summary>
public sealed class HostileInputTests(HostileInputTests.Factory factory) : IClassFixture<HostileInputTests.Factory>
{
    [Fact]
    public async Task Every_method_answers_hostile_calls_with_a_proper_refusal_fast_and_bounded()
    {
        using var channel = factory.CreateChannel();
        var suite = new HostileSuite(channel, factory.Redis, PublicationInputLimits.Create(), RequestDescriptors.Of(Protos.Publication.PublicationReflection.Descriptor));
        await suite.RunAsync(GrpcSurface.MappedMethods(factory.Services), HostileTokens.From(factory.Tokens), HostileSuite.Iterations(150));
    }

    /// <summary>The generated calls come from one address; the objection limit would turn them away before they are read.</summary>
    public sealed class Factory : JourneyFactory
    {
        protected override int ObjectionsPerMinute => 1_000_000;
    }
}
