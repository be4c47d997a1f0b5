using Pilot.Filing.Grpc;
using Pilot.Filing.Storage;
using Pilot.Protos.Filing;
using StackExchange.Redis;

namespace Pilot.Filing.Tests.Grpc.Support;

/// <summary>Rewrites a filing as the service stored it before it kept the record: JSON state and credit code, no record.</summary>
internal static class LegacyFilingLayout
{
    public static async Task WriteAsync(IDatabase redis, FilingRecord record)
    {
        var stored = FilingMappers.ToStored(record);
        var key = FilingKeys.Filing(record.FilingId);
        await redis.KeyDeleteAsync(key);
        await redis.HashSetAsync(key,
        [
            new HashEntry("version", record.Version),
            new HashEntry("state", StorageJson.Write(stored.Filing)),
            new HashEntry("creditCode", stored.BranchCreditCode),
        ]);
    }

    /// <summary>A change stream entry as it was written then.</summary>
    public static NameValueEntry[] ChangeEntry(FilingRecord record)
    {
        var stored = FilingMappers.ToStored(record);
        return [new("kind", "Submitted"), new("state", StorageJson.Write(stored.Filing)), new("creditCode", stored.BranchCreditCode)];
    }
}
