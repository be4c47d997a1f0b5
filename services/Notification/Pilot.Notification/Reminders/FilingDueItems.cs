using System.Globalization;
using Grpc.Core;
using Pilot.Notification.Domain.Reminders;
using Pilot.ServiceDefaults.Security;
using Pilot.SharedKernel;
using FilingProto = Pilot.Protos.Filing;

namespace Pilot.Notification.Reminders;

/// <summary>
/// Asks Filing's <c>ListDueItems</c> as the platform (the role Filing lets list due items). There is no caller to
/// forward for a scheduled sweep, so the service mints a short-lived token of its own with the local signing key;
/// under an OIDC authority the token comes from <c>Pilot:Notification:FilingToken</c> instead.
/// </summary>
internal sealed class FilingDueItems(FilingProto.Filing.FilingClient filing, IConfiguration configuration) : IDueItemsSource
{
    public async Task<IReadOnlyList<OpenItem>> ListOpenAsync(string batchId, int withinWorkingDays, DateOnly today, CancellationToken cancellationToken)
    {
        var response = await filing.ListDueItemsAsync(
            new FilingProto.ListDueItemsRequest
            {
                BatchId = batchId,
                WithinWorkingDays = withinWorkingDays,
                IncludeOverdue = true,
                Today = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            },
            new Metadata { { "Authorization", $"Bearer {Token()}" } },
            cancellationToken: cancellationToken);
        return [.. response.Items.Select(item => new OpenItem(
            item.ItemId,
            item.Kind.ToString(),
            item.ResponsibleOrgId,
            batchId,
            DateOnly.ParseExact(item.DueDate, "yyyy-MM-dd", CultureInfo.InvariantCulture)))];
    }

    private string Token()
    {
        if (configuration["Pilot:Notification:FilingToken"] is { Length: > 0 } configured)
        {
            return configured;
        }

        var auth = configuration.GetSection(PilotAuthOptions.SectionName).Get<PilotAuthOptions>() ?? new PilotAuthOptions();
        var key = auth.ResolveSigningKey()
            ?? throw new InvalidOperationException("no local signing key to mint Notification's token for Filing: set Pilot:Notification:FilingToken");
        return new LocalTokenIssuer(key, auth.Issuer, auth.Audience).Issue(Roles.Platform, subject: "notification", system: "notification", lifetime: TimeSpan.FromMinutes(5));
    }
}
