using Grpc.Core;
using Grpc.Core.Interceptors;
using Pilot.SharedKernel;
using StackExchange.Redis;

namespace Pilot.ServiceDefaults.Grpc;

/// <summary>
/// Lets gRPC services stay thin: domain refusals become well-formed RpcExceptions here, and a store that cannot be
/// reached becomes UNAVAILABLE (retry with the same request id), never Unknown.
/// </summary>
public sealed class DomainExceptionInterceptor : Interceptor
{
    private static RpcException StoreUnavailable() =>
        new(new Status(StatusCode.Unavailable, "the service's store cannot be reached right now; retry with the same request id"));

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context).ConfigureAwait(false);
        }
        catch (DomainException error)
        {
            throw DomainErrorMapper.ToRpcException(error);
        }
        catch (Exception error) when (error is RedisConnectionException or RedisTimeoutException)
        {
            throw StoreUnavailable();
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context).ConfigureAwait(false);
        }
        catch (DomainException error)
        {
            throw DomainErrorMapper.ToRpcException(error);
        }
        catch (Exception error) when (error is RedisConnectionException or RedisTimeoutException)
        {
            throw StoreUnavailable();
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context).ConfigureAwait(false);
        }
        catch (DomainException error)
        {
            throw DomainErrorMapper.ToRpcException(error);
        }
        catch (Exception error) when (error is RedisConnectionException or RedisTimeoutException)
        {
            throw StoreUnavailable();
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context).ConfigureAwait(false);
        }
        catch (DomainException error)
        {
            throw DomainErrorMapper.ToRpcException(error);
        }
        catch (Exception error) when (error is RedisConnectionException or RedisTimeoutException)
        {
            throw StoreUnavailable();
        }
    }
}
