using Pilot.Filing.Domain.Deadlines;
using Pilot.Filing.Domain.Files;
using Pilot.Filing.Domain.Packages;
using Pilot.Protos.Filing;
using DomainPackageDocument = Pilot.Filing.Domain.Packages.PackageDocument;
using DomainPackageVersion = Pilot.Filing.Domain.Packages.PackageVersion;
using FileKind = Pilot.SharedKernel.Files.FileKind;
using ProtoFileKind = Pilot.Protos.Filing.FileKind;
using ProtoLateness = Pilot.Protos.Filing.Lateness;

namespace Pilot.Filing.Grpc;

internal static class PackageMappers
{
    public static Package ToProto(MaterialPackage package)
    {
        var reply = new Package
        {
            PackageId = package.PackageId,
            BatchId = package.BatchId,
            SponsorOrgId = package.SponsorOrgId,
            SubmitterKind = ChecklistMapper.ToProto(package.SubmitterKind),
            Version = package.Version,
        };
        reply.Versions.AddRange(package.Versions.Select(ToProto));
        return reply;
    }

    public static UploadedDocument ToProto(DocumentFile file) => new()
    {
        Sha256 = file.Sha256,
        Size = file.Size,
        Kind = ToProto(file.Kind),
        FileName = file.FileName ?? string.Empty,
    };

    public static ProtoLateness ToProto(Domain.Deadlines.Lateness lateness) => new()
    {
        DueDate = ProtoDates.ToIso(lateness.DueDate),
        SubmittedOn = ProtoDates.ToIso(lateness.SubmittedOn),
        IsLate = lateness.IsLate,
        CalendarDaysLate = lateness.CalendarDaysLate,
        WorkingDaysLate = lateness.WorkingDaysLate,
    };

    private static Protos.Filing.PackageVersion ToProto(DomainPackageVersion version)
    {
        var reply = new Protos.Filing.PackageVersion
        {
            Number = version.Number,
            ReceiptNumber = version.Receipt.ReceiptNumber,
            ReceivedAt = ProtoDates.ToTimestamp(version.Receipt.ReceivedAt),
            Lateness = ToProto(version.Lateness),
            LetterDate = ProtoDates.ToIso(version.LetterDate),
            SubmittedBy = version.SubmittedBy,
            NamesAllBranches = version.BranchIds is null,
        };
        reply.Documents.AddRange(version.Documents.Select(ToProto));
        reply.BranchIds.AddRange(version.BranchIds ?? []);
        return reply;
    }

    private static Protos.Filing.PackageDocument ToProto(DomainPackageDocument document)
    {
        var reply = new Protos.Filing.PackageDocument { DocumentId = document.DocumentId, File = ToProto(document.File) };
        reply.Sections.AddRange(document.Sections);
        reply.Regulations.AddRange(document.Regulations);
        return reply;
    }

    private static ProtoFileKind ToProto(FileKind kind) => kind switch
    {
        FileKind.Pdf => ProtoFileKind.Pdf,
        FileKind.WordOpenXml => ProtoFileKind.WordOpenXml,
        FileKind.WordBinary => ProtoFileKind.WordBinary,
        FileKind.Ofd => ProtoFileKind.Ofd,
        _ => ProtoFileKind.Unspecified,
    };
}
