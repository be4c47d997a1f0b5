namespace Pilot.Samples.InfoPlatform.SidecarStandIn;

/// <summary>Who the stand-in reads as: the app id (its consumer group), its consumer name and daprd's app API token.</summary>
public sealed class StandInIdentity(string appId, string consumerName, string? apiToken)
{
    public string AppId { get; } = appId;

    public string ConsumerName { get; } = consumerName;

    /// <summary>daprd sends <c>APP_API_TOKEN</c> as <c>dapr-api-token</c> on every call to the app; so does the stand-in.</summary>
    public void AddApiToken(HttpRequestMessage request)
    {
        if (!string.IsNullOrEmpty(apiToken))
        {
            request.Headers.TryAddWithoutValidation("dapr-api-token", apiToken);
        }
    }
}
