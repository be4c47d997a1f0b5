namespace Pilot.ServiceDefaults; internal static class Placeholder { }
