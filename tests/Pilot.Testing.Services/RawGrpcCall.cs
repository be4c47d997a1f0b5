using Grpc.Core;
using Grpc.Net.Client;

namespace Pilot.Testing.Services;

/// <summary>Calls any method by name with an empty message, whatever its kind, and reports the status.</summary>
public static class RawGrpcCall
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(static bytes => bytes, static bytes => bytes);

    public static async Task<StatusCode> StatusWithoutBodyAsync(GrpcChannel channel, IMethod method, Metadata? headers)
    {
        // A duplex call can carry every method kind: the server decides on the path alone. A public
        // streaming method may keep the call open; it ends as Cancelled, which is not a refusal.
        var rawMethod = new Method<byte[], byte[]>(MethodType.DuplexStreaming, method.ServiceName, method.Name, Bytes, Bytes);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        using var call = channel.CreateCallInvoker().AsyncDuplexStreamingCall(rawMethod, null, new CallOptions(headers, cancellationToken: cancellation.Token));
        try
        {
            await call.RequestStream.WriteAsync([]);
            await call.RequestStream.CompleteAsync();
            while (await call.ResponseStream.MoveNext(cancellation.Token))
            {
                // A streaming method (health Watch) keeps answering; one answer is enough.
                return StatusCode.OK;
            }

            return call.GetStatus().StatusCode;
        }
        catch (RpcException error)
        {
            return error.StatusCode;
        }
    }
}
