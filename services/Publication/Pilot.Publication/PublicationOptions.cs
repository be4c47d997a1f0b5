namespace Pilot.Publication;

/// <summary>Settings of the Publication service, bound from <c>Pilot:Publication</c>.</summary>
public sealed class PublicationOptions
{
    public const string SectionName = "Pilot:Publication";

    /// <summary>Working days a filed branch stays in online publicity; the notice leaves it open, DOMAIN.md sets 5.</summary>
    public int PublicityWorkingDays { get; set; } = 5;
}
