using Grpc.Core;
using Pilot.Filing.Domain.Materials;
using Pilot.Filing.Tests.Grpc.Support;
using Pilot.Protos.Filing;
using DomainSubmitterKind = Pilot.Filing.Domain.Materials.SubmitterKind;
using ProtoSubmitterKind = Pilot.Protos.Filing.SubmitterKind;

namespace Pilot.Filing.Tests.Grpc;

public sealed class ChecklistTests(FilingFactory factory) : IClassFixture<FilingFactory>
{
    [Theory]
    [InlineData(DomainSubmitterKind.Department)]
    [InlineData(DomainSubmitterKind.IndustryOrganisation)]
    public async Task The_checklist_is_public_and_lists_every_document_section_and_regulation(DomainSubmitterKind kind)
    {
        var checklist = await factory.Client().GetChecklistAsync(
            new GetChecklistRequest { SubmitterKind = Scenario.ToProto(kind) }, cancellationToken: TestContext.Current.CancellationToken);

        var expected = MaterialChecklist.For(kind);
        Assert.Equal(expected.Select(d => d.Id), checklist.Documents.Select(d => d.Id));
        foreach (var (document, requirement) in checklist.Documents.Zip(expected))
        {
            Assert.Equal(requirement.Sections.Select(s => s.Id), document.Sections.Select(s => s.Id));
            Assert.Equal(requirement.Regulations.Select(r => r.Title), document.Regulations.Select(r => r.Title));
        }

        var plan = Assert.Single(checklist.Documents, d => d.Id == MaterialChecklist.ImplementationPlan);
        Assert.Equal(12, plan.Regulations.Count);
    }

    [Fact]
    public async Task An_unspecified_submitter_kind_is_refused()
    {
        var error = await Scenario.RefusedAsync(() => factory.Client().GetChecklistAsync(
            new GetChecklistRequest { SubmitterKind = ProtoSubmitterKind.Unspecified }, cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("submitter_kind", Scenario.Fields(error));
    }
}
