using Grpc.AspNetCore.Server;
using Pilot.ServiceDefaults.Grpc.Input;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pilot.Commands;
using Pilot.EventBus;
using Pilot.Filing.Application;
using Pilot.Filing.Batches;
using Pilot.Filing.Domain.Deadlines;
using Pilot.Filing.Domain.Files;
using Pilot.Filing.Domain.Filings;
using Pilot.Filing.Domain.Packages;
using Pilot.Filing.Grpc;
using Pilot.Filing.Registry;
using Pilot.Filing.Storage;
using Pilot.ServiceDefaults.Grpc;
using Pilot.ServiceDefaults.Redis;
using Pilot.SharedKernel;

namespace Pilot.Filing;

public static class FilingExtensions
{
    /// <summary>Filing's app id: its consumer group on the bus, the prefix of its answer keys and the seed of its event ids.</summary>
    public const string AppId = "filing";

    /// <summary>Where blobs go when <c>Pilot:Blobs:Path</c> is not set (the AppHost sets it).</summary>
    public const string BlobsPathKey = "Pilot:Blobs:Path";

    /// <summary>One upload chunk (1 MiB) and room for its framing.</summary>
    public const int MaxReceiveMessageBytes = FieldLimits.UploadChunkBytes + (64 * 1024);

    public static WebApplicationBuilder AddFilingService(this WebApplicationBuilder builder)
    {
        builder.AddPilotRedisClient();
        builder.AddPilotEventBus(AppId);

        var services = builder.Services;
        services.AddInputLimits(FilingInputLimits.Create());

        // Uploads come in chunks of up to 1 MiB, so Filing receives messages a little larger than the 256 KiB default.
        services.Configure<GrpcServiceOptions>(options => options.MaxReceiveMessageSize = Math.Max(options.MaxReceiveMessageSize ?? 0, MaxReceiveMessageBytes));
        services.AddOptions<FilingOptions>().Bind(builder.Configuration.GetSection(FilingOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new UploadLimits(sp.GetRequiredService<IOptions<FilingOptions>>().Value.MaxUploadBytes));
        services.AddSingleton(WorkingDayCalendar.MainlandChina);
        services.AddSingleton<PackageDecisions>();
        services.AddSingleton<FilingSubmission>();

        var blobsPath = builder.Configuration[BlobsPathKey] is { Length: > 0 } configured
            ? configured
            : Path.Combine(builder.Environment.ContentRootPath, "data", "blobs");
        services.AddSingleton<IBlobStore>(new LocalFolderBlobStore(blobsPath));
        services.AddSingleton<IDocumentStore, BlobDocumentStore>();

        services.AddCommandPipeline(builder.Configuration, AppId, StorageJson.Options);
        services.AddSingleton<RegionChangeSignals>();
        services.AddSingleton<FilingStore>();
        services.AddSingleton<FilingWrites>();
        services.AddSingleton<ConfiguredBatchMilestones>();
        services.AddSingleton<RegistryBatchMilestones.Answers>();
        services.AddScoped<IBatchMilestonesSource, RegistryBatchMilestones>();

        services.AddHttpContextAccessor();
        services.AddSingleton<CallerToken>();
        services.AddPilotGrpcClient<Protos.Registry.Registry.RegistryClient>("registry");
        services.AddScoped<IBranchFactsSource, RegistryBranchFactsSource>();

        services.AddSingleton<RefusalAudit>();
        services.AddScoped<DocumentUploads>();
        services.AddScoped<PackageCommands>();
        services.AddScoped<PackageReads>();
        services.AddScoped<FilingCommands>();
        services.AddSingleton<FilingPageCache>();
        services.AddScoped<FilingReads>();
        services.AddScoped<FilingWatch>();
        services.AddScoped<AuditReads>();
        services.AddScoped<DueItemReads>();
        return builder;
    }

    public static WebApplication MapFilingService(this WebApplication app)
    {
        app.MapGrpcService<FilingGrpcService>();
        return app;
    }
}
