namespace Pilot.Registry.Domain.Model;

/// <summary>A person to reach at an organisation, e.g. for deadline reminders (R8).</summary>
public sealed record Contact(string Name, string Phone, string Email);
