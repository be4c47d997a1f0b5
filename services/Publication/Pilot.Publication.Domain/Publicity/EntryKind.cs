namespace Pilot.Publication.Domain.Publicity;

/// <summary>What a publicity entry is about: an organisation (publicised with its first accepted branch) or a branch.</summary>
public enum EntryKind
{
    Organisation,
    Branch,
}
