using System.Runtime.CompilerServices;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Pilot.Publication.Application;
using Pilot.Publication.Domain.Directory;
using Pilot.Publication.Domain.Objections;
using Pilot.Publication.Domain.Publicity;
using Pilot.SharedKernel.Files;
using Proto = Pilot.Protos.Publication;

namespace Pilot.Publication.Grpc;

/// <summary>Domain records to Publication's wire messages, in one place.</summary>
internal static class PublicationMappers
{
    public static Proto.PublicityEntry ToProto(PublicityView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var entry = view.Entry;
        var listing = entry.Listing;
        var message = new Proto.PublicityEntry
        {
            EntryId = entry.EntryId,
            Kind = entry.Kind == EntryKind.Organisation ? Proto.EntryKind.Organisation : Proto.EntryKind.Branch,
            BatchId = entry.BatchId,
            OrganisationId = entry.OrganisationId,
            OrganisationName = listing.OrganisationName ?? string.Empty,
            BranchId = entry.BranchId ?? string.Empty,
            BranchName = listing.BranchName ?? string.Empty,
            CreditCode = listing.CreditCode ?? string.Empty,
            RegionCode = entry.RegionCode ?? string.Empty,
            RegionName = entry.RegionName ?? string.Empty,
            Address = listing.Address ?? string.Empty,
            FilingNumber = entry.FilingNumber ?? string.Empty,
            SponsorId = listing.SponsorId ?? string.Empty,
            SponsorName = listing.SponsorName ?? string.Empty,
            OpensOn = Date(entry.Period.OpensOn),
            ClosesOn = Date(entry.Period.ClosesOn),
            ClosesAt = Timestamp.FromDateTimeOffset(entry.Period.ClosesAt),
            Status = ToProto(entry.Status),
            WorkingDaysLeft = view.WorkingDaysLeft,
            ConcludedAt = entry.ConcludedAt is { } concluded ? Timestamp.FromDateTimeOffset(concluded) : null,
        };
        message.Occupations.AddRange(listing.Occupations.Select(ToProto));
        message.Objections.AddRange(view.Objections.Select(objection => new Proto.ObjectionOutcomeView
        {
            ObjectionId = objection.ObjectionId,
            RaisedOn = Date(SharedKernel.WorkingDayCalendar.ChinaDate(objection.RaisedAt)),
            Status = ToProto(objection.Status),
            ResolvedOn = objection.ResolvedAt is { } resolved ? Date(SharedKernel.WorkingDayCalendar.ChinaDate(resolved)) : string.Empty,
            Reason = objection.Reason ?? string.Empty,
        }));
        return message;
    }

    public static Proto.ObjectionReceipt ToProto(ObjectionReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return new Proto.ObjectionReceipt
        {
            ObjectionId = receipt.ObjectionId,
            EntryId = receipt.EntryId,
            RaisedAt = Timestamp.FromDateTimeOffset(receipt.RaisedAt),
            Status = ToProto(receipt.Status),
            ClosesOn = Date(receipt.ClosesOn),
        };
    }

    public static Proto.Objection ToProto(Objection objection)
    {
        ArgumentNullException.ThrowIfNull(objection);
        var message = new Proto.Objection
        {
            ObjectionId = objection.ObjectionId,
            EntryId = objection.EntryId,
            BatchId = objection.BatchId,
            OrganisationId = objection.OrganisationId,
            BranchId = objection.BranchId ?? string.Empty,
            RegionCode = objection.RegionCode ?? string.Empty,
            Description = objection.Description,
            ContactPhone = objection.Contact.Phone ?? string.Empty,
            ContactEmail = objection.Contact.Email ?? string.Empty,
            Evidence = objection.Evidence is { } evidence ? ToProto(evidence) : null,
            RaisedAt = Timestamp.FromDateTimeOffset(objection.RaisedAt),
            Status = ToProto(objection.Status),
            Reason = objection.Reason ?? string.Empty,
            ResolvedAt = objection.ResolvedAt is { } resolved ? Timestamp.FromDateTimeOffset(resolved) : null,
        };
        message.History.AddRange(objection.History.Select(step => new Proto.ObjectionStep
        {
            Action = step.Action,
            Actor = step.Actor,
            Role = step.Role,
            Region = step.Region ?? string.Empty,
            System = step.System ?? string.Empty,
            At = Timestamp.FromDateTimeOffset(step.At),
        }));
        return message;
    }

    public static Proto.EvidenceFile ToProto(EvidenceFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new Proto.EvidenceFile { Sha256 = file.Sha256, Size = file.Size, Kind = KindName(file.Kind), FileName = file.FileName ?? string.Empty };
    }

    public static Proto.ObjectionEvidence ToProto(EvidenceFile file, byte[] content) =>
        new() { File = ToProto(file), Content = ByteString.CopyFrom(content) };

    public static Proto.DirectoryVersion ToProto(DirectoryVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var diff = new Proto.DirectoryDiff();
        diff.AddedOrganisationIds.AddRange(version.Diff.AddedOrganisationIds);
        diff.RemovedOrganisationIds.AddRange(version.Diff.RemovedOrganisationIds);
        diff.AddedBranchIds.AddRange(version.Diff.AddedBranchIds);
        diff.RemovedBranchIds.AddRange(version.Diff.RemovedBranchIds);
        return new Proto.DirectoryVersion
        {
            BatchId = version.BatchId,
            Version = version.Version,
            PublishedAt = Timestamp.FromDateTimeOffset(version.PublishedAt),
            ExportSha256 = version.ExportSha256,
            PreviousSha256 = version.PreviousSha256 ?? string.Empty,
            OrganisationCount = version.OrganisationCount,
            BranchCount = version.BranchCount,
            Diff = diff,
        };
    }

    // A published version never changes and its records stay in memory (DirectoryStore), so each organisation is mapped
    // once and its message reused by every answer that lists it; the table lets go of it with the version's records.
    private static readonly ConditionalWeakTable<DirectoryOrganisation, Proto.DirectoryOrganisation> Mapped = new();

    /// <summary>The organisation as listed in <paramref name="version"/>; the message is shared, so never change it.</summary>
    public static Proto.DirectoryOrganisation ToProto(DirectoryOrganisation organisation, int version)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        return Mapped.GetValue(organisation, listed => Map(listed, version));
    }

    private static Proto.DirectoryOrganisation Map(DirectoryOrganisation organisation, int version)
    {
        var message = new Proto.DirectoryOrganisation
        {
            OrganisationId = organisation.OrganisationId,
            Name = organisation.Name,
            CreditCode = organisation.CreditCode,
            IsIndustryOrganisation = organisation.IsIndustryOrganisation,
            SponsorId = organisation.SponsorId,
            SponsorName = organisation.SponsorName,
            Version = version,
        };
        message.Occupations.AddRange(organisation.Occupations.Select(ToProto));
        message.Branches.AddRange(organisation.Branches.Select(branch =>
        {
            var listed = new Proto.DirectoryBranch
            {
                BranchId = branch.BranchId,
                Name = branch.Name,
                CreditCode = branch.CreditCode,
                RegionCode = branch.RegionCode,
                RegionName = branch.RegionName,
                Address = branch.Address,
                FilingNumber = branch.FilingNumber,
            };
            listed.Occupations.AddRange(branch.Occupations.Select(ToProto));
            return listed;
        }));
        return message;
    }

    public static ObjectionStatus ToDomain(Proto.ObjectionOutcome outcome) => outcome switch
    {
        Proto.ObjectionOutcome.Upheld => ObjectionStatus.Upheld,
        Proto.ObjectionOutcome.Dismissed => ObjectionStatus.Dismissed,
        _ => ObjectionStatus.Open,
    };

    public static string KindName(FileKind kind) => kind switch
    {
        FileKind.Pdf => "pdf",
        FileKind.WordOpenXml => "word-open-xml",
        FileKind.WordBinary => "word-binary",
        FileKind.Ofd => "ofd",
        FileKind.Png => "png",
        FileKind.Jpeg => "jpeg",
        _ => "unknown",
    };

    private static Proto.ListedOccupation ToProto(ListedOccupation occupation)
    {
        var message = new Proto.ListedOccupation { Code = occupation.Code, Name = occupation.Name ?? string.Empty, SubType = occupation.SubType ?? string.Empty };
        message.Levels.AddRange(occupation.Levels);
        return message;
    }

    private static Proto.PublicityStatus ToProto(PublicityStatus status) => status switch
    {
        PublicityStatus.Open => Proto.PublicityStatus.Open,
        PublicityStatus.AwaitingResolution => Proto.PublicityStatus.AwaitingResolution,
        PublicityStatus.Passed => Proto.PublicityStatus.Passed,
        PublicityStatus.Withdrawn => Proto.PublicityStatus.Withdrawn,
        _ => Proto.PublicityStatus.Unspecified,
    };

    private static Proto.ObjectionStatus ToProto(ObjectionStatus status) => status switch
    {
        ObjectionStatus.Open => Proto.ObjectionStatus.Open,
        ObjectionStatus.Upheld => Proto.ObjectionStatus.Upheld,
        ObjectionStatus.Dismissed => Proto.ObjectionStatus.Dismissed,
        _ => Proto.ObjectionStatus.Unspecified,
    };

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
