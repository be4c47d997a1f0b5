using Grpc.Core;
using Grpc.Net.Client;

namespace Pilot.Testing.Services;

/// <summary>Calls any method by name with an empty message, whatever its kind, and reports the status.</summary>
public static class RawGrpcCall
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(static bytes => bytes, static bytes => bytes);

    // An empty reflection request is waited on forever; `list_services: ""` (field 7) is answered at once.
    private static readonly byte[] ListServices = [0x3A, 0x00];

    public static async Task<StatusCode> StatusWithoutBodyAsync(GrpcChannel channel, IMethod method, Metadata? headers)
    {
        // A duplex call can carry every method kind: the server decides on the path alone.
        var rawMethod = new Method<byte[], byte[]>(MethodType.DuplexStreaming, method.ServiceName, method.Name, Bytes, Bytes);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var call = channel.CreateCallInvoker().AsyncDuplexStreamingCall(rawMethod, null, new CallOptions(headers, cancellationToken: cancellation.Token));
        try
        {
            await call.RequestStream.WriteAsync(method.ServiceName.Contains("ServerReflection", StringComparison.Ordinal) ? ListServices : []);
            await call.RequestStream.CompleteAsync();
        }
        catch (Exception error) when (error is RpcException or InvalidOperationException)
        {
            // The server may refuse before it reads the body; the response stream tells how.
        }

        try
        {
            // One answer is enough: a streaming method (health Watch) would keep answering.
            return await call.ResponseStream.MoveNext(cancellation.Token) ? StatusCode.OK : call.GetStatus().StatusCode;
        }
        catch (RpcException error)
        {
            return error.StatusCode;
        }
    }
}
