using Pilot.Registry.Domain.Occupations;

namespace Pilot.Registry.Domain.Decisions;

/// <summary>
/// The registry's decisions. Each takes the command, the caller and the current state, checks in
/// this order — authorisation (Forbidden), existence (NotFound/Conflict), plain input (Invalid, no
/// rule), then the notice's rules R1–R5 — and returns the new record with the events to publish.
/// Nothing is written here: storing the record and publishing the events, atomically and once per
/// request id, is the caller's job. The methods live in one partial file per subject.
/// </summary>
public sealed partial class RegistryDecider(OccupationCatalogue catalogue)
{
    public RegistryDecider()
        : this(OccupationCatalogue.Default)
    {
    }

    public OccupationCatalogue Catalogue { get; } = catalogue;
}
