using System.Diagnostics;
using Google.Rpc;
using Grpc.Core;
using Grpc.Net.Client;

namespace Pilot.Testing.Services.Hostile;

/// <summary>What a client saw of one call sent as raw bytes: status, details, trailer size, time taken.</summary>
public sealed record RawAnswer(StatusCode Code, string Detail, BadRequest? Fields, ErrorInfo? Info, int TrailerBytes, TimeSpan Took)
{
    public override string ToString() =>
        $"{Code} '{Detail}' [{string.Join(", ", Fields?.FieldViolations.Select(v => v.Field) ?? [])}] trailers {TrailerBytes} B in {Took.TotalMilliseconds:F0} ms";
}

/// <summary>
/// Sends any bytes as the body of any method (one message, whatever the method's kind), so a test can send what a
/// generated client never would: truncated or garbage protobuf, invalid UTF-8, a field one past its limit.
/// </summary>
public static class RawCall
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(static bytes => bytes, static bytes => bytes);

    public static async Task<RawAnswer> SendAsync(GrpcChannel channel, IMethod method, byte[] body, Metadata? headers, TimeSpan? timeout = null)
    {
        // A duplex call can carry every method kind: the server decides by the path alone.
        var raw = new Method<byte[], byte[]>(MethodType.DuplexStreaming, method.ServiceName, method.Name, Bytes, Bytes);
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        var clock = Stopwatch.StartNew();
        using var call = channel.CreateCallInvoker().AsyncDuplexStreamingCall(raw, null, new CallOptions(headers, cancellationToken: cancellation.Token));
        try
        {
            await call.RequestStream.WriteAsync(body);
            await call.RequestStream.CompleteAsync();
        }
        catch (Exception error) when (error is RpcException or InvalidOperationException or IOException)
        {
            // The server may answer before it has read the body; the response tells how.
        }

        try
        {
            // One answer is enough: a streaming method would keep answering.
            if (await call.ResponseStream.MoveNext(cancellation.Token))
            {
                return new RawAnswer(StatusCode.OK, string.Empty, null, null, 0, clock.Elapsed);
            }

            return Answer(call.GetStatus(), call.GetTrailers(), clock.Elapsed);
        }
        catch (RpcException error)
        {
            return Answer(error.Status, error.Trailers, clock.Elapsed);
        }
    }

    private static RawAnswer Answer(Grpc.Core.Status status, Metadata trailers, TimeSpan took)
    {
        var bytes = trailers.Sum(entry => entry.Key.Length + (entry.IsBinary ? (entry.ValueBytes.Length * 4 / 3) + 4 : entry.Value.Length)) + status.Detail.Length;
        var details = trailers.FirstOrDefault(entry => entry.Key == "grpc-status-details-bin");
        BadRequest? fields = null;
        ErrorInfo? info = null;
        if (details is not null)
        {
            var rpcStatus = Google.Rpc.Status.Parser.ParseFrom(details.ValueBytes);
            fields = rpcStatus.GetDetail<BadRequest>();
            info = rpcStatus.GetDetail<ErrorInfo>();
        }

        return new RawAnswer(status.StatusCode, status.Detail, fields, info, bytes, took);
    }
}
