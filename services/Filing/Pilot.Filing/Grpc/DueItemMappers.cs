using Pilot.Filing.Domain.Deadlines;
using Pilot.Protos.Filing;
using DomainKind = Pilot.Filing.Domain.Deadlines.TrackedItemKind;
using ProtoKind = Pilot.Protos.Filing.TrackedItemKind;

namespace Pilot.Filing.Grpc;

internal static class DueItemMappers
{
    public static DueItem ToProto(Reminder reminder) => new()
    {
        ItemId = reminder.Item.ItemId,
        Kind = reminder.Item.Kind switch
        {
            DomainKind.MaterialPackage => ProtoKind.MaterialPackage,
            DomainKind.LocalFiling => ProtoKind.LocalFiling,
            DomainKind.ImplementationPlan => ProtoKind.ImplementationPlan,
            _ => ProtoKind.Unspecified,
        },
        ResponsibleOrgId = reminder.Item.ResponsibleOrgId,
        DueDate = ProtoDates.ToIso(reminder.DueDate),
        WorkingDaysLeft = reminder.WorkingDaysLeft,
        Overdue = reminder.IsOverdue,
    };
}
