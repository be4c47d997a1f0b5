using Google.Rpc;
using Grpc.Core;

namespace Pilot.Registry.Tests.Grpc;

/// <summary>Checks a refusal the way a client would read it: status code, rule and fields from the status details.</summary>
internal static class RpcAssert
{
    public static async Task<(ErrorInfo Info, BadRequest? Fields)> RefusedAsync(StatusCode expected, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(expected, error.StatusCode);
        var status = error.GetRpcStatus();
        Assert.NotNull(status);
        var info = status.GetDetail<ErrorInfo>();
        Assert.NotNull(info);
        return (info, status.GetDetail<BadRequest>());
    }
}
