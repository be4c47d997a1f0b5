using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pilot.Commands;
using Pilot.EventBus;
using Pilot.FactCopies;
using Pilot.Notification.Application;
using Pilot.Notification.Channels;
using Pilot.Notification.Domain.Routing;
using Pilot.Notification.Domain.Templates;
using Pilot.Notification.Grpc;
using Pilot.Notification.IntegrationEvents;
using Pilot.Notification.Reminders;
using Pilot.Notification.Storage;
using Pilot.Scheduling;
using Pilot.ServiceDefaults.Grpc;
using Pilot.ServiceDefaults.Redis;
using Pilot.SharedKernel;

namespace Pilot.Notification;

public static class NotificationExtensions
{
    public const string AppId = "notification";

    public static WebApplicationBuilder AddNotificationService(this WebApplicationBuilder builder)
    {
        builder.AddPilotRedisClient();
        builder.AddPilotEventBus(AppId);
        builder.AddPilotScheduling(AppId);

        var services = builder.Services;
        services.AddOptions<NotificationOptions>()
            .Bind(builder.Configuration.GetSection(NotificationOptions.SectionName))
            .Validate(o => o.MaxAttempts >= 1, "Pilot:Notification:MaxAttempts must be at least 1")
            .Validate(o => o.FirstRetryDelay > TimeSpan.Zero && o.MaxRetryDelay >= o.FirstRetryDelay, "Pilot:Notification retry delays must be positive, MaxRetryDelay at least FirstRetryDelay")
            .Validate(o => o.Reminders.Offsets.All(d => d >= 1), "Pilot:Notification:Reminders:WorkingDaysBefore are working days before a due date, each at least 1")
            .ValidateOnStart();
        services.AddCommandPipeline(builder.Configuration, AppId, NotificationJson.Options);
        services.TryAddSingleton(WorkingDayCalendar.MainlandChina);
        services.TryAddSingleton(RoutingTable.Default);
        services.TryAddSingleton(TemplateCatalog.ZhCn);
        services.TryAddSingleton<NotificationMetrics>();
        services.TryAddSingleton<InboxSignal>();
        services.TryAddSingleton<InboxStore>();
        services.TryAddSingleton<DeliveryStore>();
        services.TryAddSingleton<WebhookStore>();
        services.TryAddSingleton<NotificationFanout>();
        services.TryAddSingleton<InboxReads>();
        services.TryAddSingleton<InboxCommands>();
        services.TryAddSingleton<InboxWatch>();
        services.TryAddSingleton<WebhookCommands>();

        // Contacts come from the Registry's events, kept under Notification's own keys: no call on the hot path.
        services.AddFactCopy<OrganisationContacts>(OrganisationContacts.Kind, copy => copy
            .From<OrganisationRegistered>(e => e.OrganisationId, (_, e) => OrganisationContacts.Of(e.OrganisationId, e.Name, e.Contacts))
            .FromChange<OrganisationContactsChanged>(e => e.OrganisationId, (_, e) => OrganisationContacts.Of(e.OrganisationId, e.Name, e.Contacts)));

        // One handler per event type: each routed contract is told through the same fan-out.
        services.AddEventHandler<PackageAccepted, NotifyOnEvent<PackageAccepted>>();
        services.AddEventHandler<PackageRefused, NotifyOnEvent<PackageRefused>>();
        services.AddEventHandler<FilingSubmitted, NotifyOnEvent<FilingSubmitted>>();
        services.AddEventHandler<FilingAccepted, NotifyOnEvent<FilingAccepted>>();
        services.AddEventHandler<FilingRejected, NotifyOnEvent<FilingRejected>>();
        services.AddEventHandler<PublicityScheduled, NotifyOnEvent<PublicityScheduled>>();
        services.AddEventHandler<PublicityConcluded, NotifyOnEvent<PublicityConcluded>>();
        services.AddEventHandler<ObjectionRaised, NotifyOnEvent<ObjectionRaised>>();
        services.AddEventHandler<ObjectionResolved, NotifyOnEvent<ObjectionResolved>>();
        services.AddEventHandler<DirectoryPublished, NotifyOnEvent<DirectoryPublished>>();
        services.AddEventHandler<OrganisationsRecommended, RecordSponsorsOnRecommendation>();
        services.AddEventHandler<BatchOpened, RememberOpenedBatch>();
        services.AddEventHandler<BatchClosed, ForgetClosedBatch>();

        // Channels that can fail are attempted by the scheduler, one job per message and channel.
        services.AddHttpClient(WebhookSender.ClientName)
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var webhooks = sp.GetRequiredService<IOptions<NotificationOptions>>().Value.Webhooks;
                return GuardedConnections.Handler(webhooks.AllowPrivateNetworks, webhooks.Timeout);
            });
        services.AddSingleton<IChannelSender, WebhookSender>();
        services.AddSingleton<IChannelSender, EmailSender>();
        services.AddScheduledJob<DeliverMessage, DeliverOnTime>(DeliverMessage.Kind);

        // Reminders (R8): a daily sweep over Filing's open items.
        services.AddPilotGrpcClient<Protos.Filing.Filing.FilingClient>("filing");
        services.TryAddSingleton<IDueItemsSource, FilingDueItems>();
        services.AddScheduledJob<SweepReminders, SweepRemindersOnTime>(SweepReminders.Kind);
        services.AddHostedService<ReminderBootstrap>();
        return builder;
    }

    public static WebApplication MapNotificationService(this WebApplication app)
    {
        app.MapGrpcService<NotificationGrpcService>();
        app.MapPilotEventSubscriptions();
        return app;
    }
}
