using Pilot.Notification.Domain.Routing;
using Pilot.Notification.Domain.Reminders;
using Pilot.Notification.IntegrationEvents;
using Pilot.Notification.Reminders;

namespace Pilot.Notification.Tests.Domain;

/// <summary>One event of every routed type, built from Notification's contract copies the way the bus reads them.</summary>
internal static class Samples
{
    private static readonly DateTimeOffset At = new(2020, 10, 13, 15, 0, 0, TimeSpan.FromHours(8));

    public static IReadOnlyList<NotificationEvent> All() =>
    [
        new PackageAccepted("pkg-1", "2020", "dept-mot", 2, "人社鉴函〔2020〕12号", At).ToNotification("e-pa", At),
        new PackageRefused("pkg-1", "2020", "dept-mot", [new MissingItem("documents[0]", "职业技能等级试点工作方案"), new MissingItem("regulations", "档案管理办法")]).ToNotification("e-pr", At),
        new FilingSubmitted("f-1", "2020", "br-1", "org-jtpj", "110000", "北京市", [new EventOccupation("4-12-01-01", null), new EventOccupation("6-18-02-04", "电工")], 1).ToNotification("e-fs", At),
        new FilingAccepted("f-1", "2020", "京人社备〔2020〕031号", new DateOnly(2020, 10, 13), "br-1", "org-jtpj", "110000", "北京市").ToNotification("e-fa", At),
        new FilingRejected("f-1", "2020", "br-1", "org-jtpj", "110000", "北京市", "场地证明不全").ToNotification("e-fr", At),
        new PublicityScheduled("f-1", "2020", "br-1", "org-jtpj", "110000", "北京市", "京人社备〔2020〕031号", new DateOnly(2020, 10, 14), new DateOnly(2020, 10, 20)).ToNotification("e-ps", At),
        new PublicityConcluded("f-1", "2020", "br-1", "org-jtpj", "110000", "北京市", "京人社备〔2020〕031号", "passed", new DateOnly(2020, 10, 14), new DateOnly(2020, 10, 20)).ToNotification("e-pc", At),
        new ObjectionRaised("obj-1", "f-1", "2020", "br-1", "org-jtpj", "110000", "北京市", "京人社备〔2020〕031号", At, new DateOnly(2020, 10, 20)).ToNotification("e-or", At),
        new ObjectionResolved("obj-1", "f-1", "2020", "br-1", "org-jtpj", "110000", "dismissed", "所述情况与事实不符", At).ToNotification("e-ov", At),
        new DirectoryPublished("2020", 1, new string('a', 64), null, 2, 3, At, [new DirectoryEntry("org-jtpj", "dept-mot")], [new DirectoryEntry("org-zgjx", "ind-cfa")]).ToNotification("e-dp", At),
        new OrganisationsRecommended("2020", "dept-mot", "交通运输部", [new RecommendedOrganisation("org-jtpj", "甲"), new RecommendedOrganisation("org-zgjx", "乙")]).ToNotification("e-rec", At),
        Reminder(EventTypes.Reminder),
        Reminder(EventTypes.Overdue),
    ];

    public static NotificationEvent Of(string eventType) => All().Single(e => e.EventType == eventType);

    /// <summary>A reminder as the sweep builds it: the sweep's own facts, not an event's.</summary>
    private static NotificationEvent Reminder(string type)
    {
        var overdue = type == EventTypes.Overdue;
        var notice = new ReminderNotice("pkg-1", "MaterialPackage", "dept-mot", "2020", new DateOnly(2020, 9, 30), overdue, overdue ? -1 : 7, new DateOnly(2020, 9, 21));
        return SweepRemindersOnTime.EventFor(notice, At);
    }
}
