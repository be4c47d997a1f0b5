using System.Text.Json;

namespace Pilot.Commands;

/// <summary>How a service runs its commands (section <c>Pilot:Commands</c>).</summary>
public sealed class CommandOptions
{
    public const string SectionName = "Pilot:Commands";

    /// <summary>The service's app id: the prefix of its answer keys and the seed of its event ids.</summary>
    public string AppId { get; set; } = "";

    /// <summary>How long a request id's answer is kept: a retry later than that is a new request.</summary>
    public TimeSpan AnswerRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often a command that lost a race re-reads and decides again before answering <c>Aborted</c>.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>How answers are stored and fingerprints computed: the service's own storage JSON.</summary>
    public JsonSerializerOptions Json { get; set; } = JsonSerializerOptions.Web;
}
