using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Pilot.SharedKernel;

namespace Pilot.Demo;

/// <summary>A valid, stable credit code per demo party, so reruns name the same legal entities.</summary>
internal static class DemoCodes
{
    public static string For(string partyId)
    {
        var digits = BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes(partyId))) % 1_000_000_000UL;
        return UnifiedSocialCreditCode.Complete("51100000" + digits.ToString("D9", CultureInfo.InvariantCulture)).Value;
    }
}
