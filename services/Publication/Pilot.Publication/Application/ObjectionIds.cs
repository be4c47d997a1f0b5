using System.Security.Cryptography;

namespace Pilot.Publication.Application;

/// <summary>Objection ids: random, so that one cannot guess another's objection from one's own.</summary>
internal static class ObjectionIds
{
    public static string New() => "obj-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10));
}
