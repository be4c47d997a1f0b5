using Pilot.Publication.Domain.Objections;
using Pilot.Publication.Domain.Publicity;

namespace Pilot.Publication.IntegrationEvents;

/// <summary>How enums travel in Publication's events: lower-case words, never numbers.</summary>
internal static class PublicationEventNames
{
    public static string Of(EntryKind kind) => kind == EntryKind.Organisation ? "organisation" : "branch";

    public static string Of(ObjectionStatus status) => status switch
    {
        ObjectionStatus.Upheld => "upheld",
        ObjectionStatus.Dismissed => "dismissed",
        _ => "open",
    };
}
