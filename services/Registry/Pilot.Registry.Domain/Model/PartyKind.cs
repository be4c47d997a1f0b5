namespace Pilot.Registry.Domain.Model;

/// <summary>The kinds of party an R1 exception can be recorded for.</summary>
public enum PartyKind
{
    Organisation,
    Branch,
}
