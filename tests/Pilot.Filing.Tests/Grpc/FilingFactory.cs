using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Pilot.Filing.Batches;
using Pilot.Filing.Domain.Deadlines;
using Pilot.Filing.Domain.Filings;
using Pilot.Filing.Tests.Grpc.Support;
using Pilot.Protos.Filing;
using Pilot.Testing.Services;

namespace Pilot.Filing.Tests.Grpc;

/// <summary>
/// The Filing service in process, shared by the gRPC tests of one class: its own redis-server, a blob
/// folder in a temp directory, a fake Registry, and batches whose dates lie ahead of or behind today.
/// </summary>
public class FilingFactory : RedisServiceFactory<Program>
{
    /// <summary>A batch whose milestones all lie ahead: everything is on time and replaceable.</summary>
    public const string OpenBatch = "open";

    /// <summary>The notice's own batch: every milestone has passed.</summary>
    public const string PastBatch = "2020";

    /// <summary>
    /// A batch whose milestones lie in a year the official calendar covers, for tests that count working days up to a
    /// milestone: <see cref="OpenBatch"/>'s lie 20–60 days ahead, which from December on is a year without calendar
    /// data (refused, FAILED_PRECONDITION). Such tests plan from <see cref="PlannedToday"/> (ListDueItems' today).
    /// </summary>
    public const string PlannedBatch = "planned";

    public static readonly DateOnly PlannedToday = new(2026, 6, 1);

    public static readonly DateOnly PlannedFilingGuidance = new(2026, 7, 1);

    /// <summary>Small, so an oversized upload costs the test nothing.</summary>
    public const long MaxUploadBytes = 64 * 1024;

    private readonly string blobFolder = Directory.CreateTempSubdirectory("pilot-filing-blobs-").FullName;
    public FakeBranches Branches { get; } = new();

    public string BlobFolder => blobFolder;

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    /// <summary>How often a caught-up watch looks for changes that no commit of this instance signalled.</summary>
    protected virtual TimeSpan WatchPollInterval => TimeSpan.FromMilliseconds(50);

    public Protos.Filing.Filing.FilingClient Client() => new(CreateChannel());

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(blobFolder, recursive: true);
        GC.SuppressFinalize(this);
    }

    protected override void ConfigureService(IWebHostBuilder builder)
    {
        builder.UseSetting("Pilot:Blobs:Path", blobFolder);
        builder.UseSetting("Pilot:Filing:MaxUploadBytes", MaxUploadBytes.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Pilot:Filing:WatchPollInterval", WatchPollInterval.ToString("c", CultureInfo.InvariantCulture));
        builder.UseSetting($"Pilot:Batches:{PastBatch}:Plan", "2020-09-30");
        builder.UseSetting($"Pilot:Batches:{PastBatch}:FilingGuidance", "2020-10-10");
        builder.UseSetting($"Pilot:Batches:{PastBatch}:ImplementationAndPublicity", "2020-11-15");
        builder.UseSetting($"Pilot:Batches:{PlannedBatch}:Plan", "2026-06-10");
        builder.UseSetting($"Pilot:Batches:{PlannedBatch}:FilingGuidance", Iso(PlannedFilingGuidance));
        builder.UseSetting($"Pilot:Batches:{PlannedBatch}:ImplementationAndPublicity", "2026-07-20");
        builder.UseSetting($"Pilot:Batches:{OpenBatch}:Plan", Iso(Today.AddDays(20)));
        builder.UseSetting($"Pilot:Batches:{OpenBatch}:FilingGuidance", Iso(Today.AddDays(40)));
        builder.UseSetting($"Pilot:Batches:{OpenBatch}:ImplementationAndPublicity", Iso(Today.AddDays(60)));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IBranchFactsSource>(Branches);

            // No Registry runs here: batches are the configured ones above (RegistryBatchMilestonesTests covers asking it).
            services.AddSingleton<IBatchMilestonesSource>(sp => sp.GetRequiredService<ConfiguredBatchMilestones>());
        });
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
