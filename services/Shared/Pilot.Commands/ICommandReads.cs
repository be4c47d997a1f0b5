using Pilot.Storage;

namespace Pilot.Commands;

/// <summary>
/// What a command read. Everything it read must still hold when its writes commit: the reads add that as conditions,
/// so a decision taken on state that changed meanwhile is taken again instead of stored.
/// </summary>
public interface ICommandReads
{
    void AddConditions(IStateWrites commit);
}
