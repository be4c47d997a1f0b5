using Pilot.Filing.Domain.Materials;
using Pilot.Protos.Filing;
using Pilot.SharedKernel;
using ProtoSubmitterKind = Pilot.Protos.Filing.SubmitterKind;
using SubmitterKind = Pilot.Filing.Domain.Materials.SubmitterKind;

namespace Pilot.Filing.Grpc;

internal static class ChecklistMapper
{
    public static SubmitterKind FromProto(ProtoSubmitterKind kind) => kind switch
    {
        ProtoSubmitterKind.Department => SubmitterKind.Department,
        ProtoSubmitterKind.IndustryOrganisation => SubmitterKind.IndustryOrganisation,
        _ => throw DomainException.Invalid("submitter_kind", "choose SUBMITTER_KIND_DEPARTMENT or SUBMITTER_KIND_INDUSTRY_ORGANISATION"),
    };

    public static ProtoSubmitterKind ToProto(SubmitterKind kind) => kind switch
    {
        SubmitterKind.Department => ProtoSubmitterKind.Department,
        SubmitterKind.IndustryOrganisation => ProtoSubmitterKind.IndustryOrganisation,
        _ => ProtoSubmitterKind.Unspecified,
    };

    public static Checklist ToProto(SubmitterKind kind, IReadOnlyList<DocumentRequirement> documents)
    {
        var checklist = new Checklist { SubmitterKind = ToProto(kind) };
        checklist.Documents.AddRange(documents.Select(document =>
        {
            var required = new RequiredDocument { Number = document.Number, Id = document.Id, Title = document.Title, Gloss = document.Gloss };
            required.Sections.AddRange(document.Sections.Select(s => new ChecklistItem { Id = s.Id, Title = s.Title, Gloss = s.Gloss }));
            required.Regulations.AddRange(document.Regulations.Select(r => new ChecklistItem { Id = r.Id, Title = r.Title, Gloss = r.Gloss }));
            return required;
        }));
        return checklist;
    }
}
