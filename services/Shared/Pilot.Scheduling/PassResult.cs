namespace Pilot.Scheduling;

/// <param name="Claimed">Jobs the pass took; a full batch means more may be due.</param>
/// <param name="Ran">Jobs whose effects committed.</param>
internal readonly record struct PassResult(int Claimed, int Ran);
