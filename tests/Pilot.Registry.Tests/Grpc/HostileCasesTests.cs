using System.Diagnostics;
using Google.Protobuf;
using Grpc.Core;
using Pilot.SharedKernel;
using Pilot.Testing.Services;
using Pilot.Testing.Services.Hostile;
using Proto = Pilot.Protos.Registry;

namespace Pilot.Registry.Tests.Grpc;

/// <summary>
/// The Registry's cases of issue 15, each as it was probed: a million skill levels took 5 GB, 100,000 member
/// associations 47 s of CPU, 20,000 occupations were accepted, a 1 MiB id came back in a 2 MiB trailer that broke the
/// client's connection. Each is now refused at once, in little memory, with small trailers.
/// </summary>
public sealed class HostileCasesTests(RegistryFactory factory) : IClassFixture<RegistryFactory>
{
    private static readonly TimeSpan Fast = TimeSpan.FromSeconds(2);

    private readonly RegistryScenario scenario = new();

    [Fact]
    public async Task AddBranch_with_a_million_skill_levels_is_refused_unread_and_sixty_thousand_are_one_violation()
    {
        var million = scenario.AddBranch("org-x", "br-x");
        million.Branch.Occupations[0].Levels.AddRange(Enumerable.Repeat(3, 1_000_000));
        var tooLarge = await SendAsync("AddBranch", million, Centre());
        Assert.Equal(StatusCode.ResourceExhausted, tooLarge.Code);

        var many = scenario.AddBranch("org-x", "br-y");
        many.Branch.Occupations[0].Levels.AddRange(Enumerable.Repeat(3, 60_000));
        var memoryBefore = GC.GetTotalAllocatedBytes(precise: false);
        var refused = await SendAsync("AddBranch", many, Centre());
        var allocated = GC.GetTotalAllocatedBytes(precise: false) - memoryBefore;

        Assert.Equal(StatusCode.InvalidArgument, refused.Code);
        Assert.Equal("branch.occupations[0].levels", Assert.Single(refused.Fields!.FieldViolations).Field);
        Assert.True(refused.TrailerBytes < 2048, refused.ToString());
        Assert.True(allocated < 64L * 1024 * 1024, $"refusing took {allocated / 1024 / 1024} MB of allocations");
    }

    [Fact]
    public async Task RegisterIndustryOrganisation_with_twenty_thousand_member_associations_is_refused_at_once()
    {
        var request = new Proto.RegisterIndustryOrganisationRequest
        {
            RequestId = RegistryScenario.RequestId(),
            Organisation = RegistryScenario.RegisterOrganisation("ind-" + scenario.Suffix, RegistryScenario.Electrician).Organisation,
            Kind = Proto.IndustryKind.Comprehensive,
        };
        request.MemberAssociations.AddRange(Enumerable.Range(0, 20_000).Select(i => $"协会{i}"));

        var answer = await SendAsync("RegisterIndustryOrganisation", request, Centre());

        Assert.Equal(StatusCode.InvalidArgument, answer.Code);
        Assert.Equal("member_associations", Assert.Single(answer.Fields!.FieldViolations).Field);
        Assert.True(answer.Took < Fast, answer.ToString());
    }

    [Fact]
    public async Task RegisterOrganisation_with_ten_thousand_occupations_is_refused_before_any_is_looked_up()
    {
        var request = RegistryScenario.RegisterOrganisation("many-" + scenario.Suffix, RegistryScenario.Electrician);
        var occupation = request.Organisation.Occupations[0];
        request.Organisation.Occupations.AddRange(Enumerable.Repeat(occupation, 10_000));

        var answer = await SendAsync("RegisterOrganisation", request, Centre());

        Assert.Equal(StatusCode.InvalidArgument, answer.Code);
        Assert.Equal("organisation.occupations", Assert.Single(answer.Fields!.FieldViolations).Field);
        Assert.True(answer.Took < Fast, answer.ToString());
    }

    [Fact]
    public async Task A_long_id_in_public_GetOccupation_is_refused_with_small_trailers_and_the_connection_keeps_working()
    {
        using var channel = factory.CreateChannel();
        var method = Method("GetOccupation");

        var mebibyte = await RawCall.SendAsync(channel, method, new Proto.GetOccupationRequest { Code = new string('x', 1024 * 1024) }.ToByteArray(), null);
        var long200K = await RawCall.SendAsync(channel, method, new Proto.GetOccupationRequest { Code = new string('x', 200_000) }.ToByteArray(), null);
        var after = await new Proto.Registry.RegistryClient(channel).GetOccupationAsync(
            new Proto.GetOccupationRequest { Code = RegistryScenario.Electrician }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(StatusCode.ResourceExhausted, mebibyte.Code);
        Assert.Equal(StatusCode.InvalidArgument, long200K.Code);
        Assert.True(long200K.TrailerBytes < 1024, long200K.ToString());
        Assert.Equal(RegistryScenario.Electrician, after.Code);
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("2100-01-01")]
    [InlineData("2019-12-31")]
    public async Task OpenBatch_with_a_milestone_outside_2020_to_2099_is_refused_naming_it(string date)
    {
        var request = scenario.OpenBatch();
        request.Milestones.ImplementationPublicityAndDirectory = date;

        var answer = await SendAsync("OpenBatch", request, Centre());

        Assert.Equal(StatusCode.InvalidArgument, answer.Code);
        Assert.Contains(answer.Fields!.FieldViolations, v => v.Field == "milestones.implementation_publicity_and_directory");
    }

    [Theory]
    [InlineData("NUL\0")]
    [InlineData("BEL\a")]
    [InlineData("ESC\u001B[2J")]
    [InlineData("backspace\b")]
    [InlineData("line\nbreak")]
    public async Task Control_characters_in_names_legal_forms_and_contacts_are_refused(string hostile)
    {
        foreach (var (field, set) in new (string, Action<Proto.OrganisationDraft>)[]
        {
            ("organisation.name", d => d.Name = hostile),
            ("organisation.legal_form", d => d.LegalForm = hostile),
            ("organisation.contacts[0].name", d => d.Contacts[0].Name = hostile),
        })
        {
            var request = RegistryScenario.RegisterOrganisation("ctl-" + Guid.NewGuid().ToString("N")[..8], RegistryScenario.Electrician);
            set(request.Organisation);
            var answer = await SendAsync("RegisterOrganisation", request, Centre());
            Assert.Equal(StatusCode.InvalidArgument, answer.Code);
            Assert.Contains(answer.Fields!.FieldViolations, v => v.Field == field);
        }
    }

    [Fact]
    public async Task A_name_is_stored_in_NFC_so_the_same_name_typed_decomposed_is_the_same_name()
    {
        var client = factory.Client();
        var request = RegistryScenario.RegisterOrganisation("nfc-" + scenario.Suffix, RegistryScenario.Electrician);
        request.Organisation.Name = "Cafe\u0301 职业技能评价中心";

        var organisation = await client.RegisterOrganisationAsync(request, factory.As(Roles.NationalCentre));

        Assert.Equal("Caf\u00E9 职业技能评价中心", organisation.Name);
    }

    private Metadata Centre() => Bearer.Header(factory.Tokens.Issue(Roles.NationalCentre, subject: "hostile-cases"));

    private async Task<RawAnswer> SendAsync(string method, IMessage request, Metadata headers)
    {
        using var channel = factory.CreateChannel();
        var watch = Stopwatch.StartNew();
        var answer = await RawCall.SendAsync(channel, Method(method), request.ToByteArray(), headers);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"{method} took {watch.Elapsed}");
        return answer;
    }

    private IMethod Method(string name) =>
        GrpcSurface.MappedMethods(factory.Services).Single(m => m.ServiceName == "pilot.registry.v1.Registry" && m.Name == name);
}
