using System.Reflection;
using Google.Protobuf;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Microsoft.AspNetCore.Routing;
using Pilot.SharedKernel;

namespace Pilot.ServiceDefaults.Grpc.Input;

/// <summary>
/// Binds every gRPC service (Pilot's, health, reflection) in place of grpc-dotnet's own binder, with one change: each
/// request message is read through a marshaller that (1) turns a body that is not the request's protobuf (invalid
/// UTF-8, truncated, garbage) into INVALID_ARGUMENT, where grpc-dotnet would answer Unknown ("Exception was thrown by
/// handler"), because the deserialiser runs inside the call handler and any exception but an RpcException becomes
/// Unknown there; and (2) checks the message against the declared <see cref="InputLimits"/> and normalises its text,
/// before authorisation, handlers or storage see it. Interceptors cannot do either: they receive the message already
/// read.
/// </summary>
internal sealed class CheckedServiceMethodProvider<TService>(InputChecker checker) : IServiceMethodProvider<TService>
    where TService : class
{
    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TService> context)
    {
        var bind = FindBindMethod(typeof(TService));
        if (bind is null)
        {
            return;
        }

        var binder = new CheckedBinder(context, bind.GetParameters()[1].ParameterType, checker);
        bind.Invoke(null, [binder, null]);
    }

    /// <summary>The generated <c>BindService(ServiceBinderBase, TBase)</c> named by <see cref="BindServiceMethodAttribute"/>.</summary>
    private static MethodInfo? FindBindMethod(Type serviceType)
    {
        for (var type = serviceType; type is not null; type = type.BaseType)
        {
            var attribute = type.GetCustomAttribute<BindServiceMethodAttribute>(inherit: false);
            if (attribute is null)
            {
                continue;
            }

            return attribute.BindType
                .GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                .FirstOrDefault(m => m.Name == attribute.BindMethodName
                    && m.GetParameters() is [{ } first, _]
                    && first.ParameterType == typeof(ServiceBinderBase));
        }

        return null;
    }

    private sealed class CheckedBinder(ServiceMethodProviderContext<TService> context, Type baseType, InputChecker checker) : ServiceBinderBase
    {
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler)
        {
            var (invoker, metadata) = Model<UnaryServerMethod<TService, TRequest, TResponse>>(method.Name, typeof(TRequest), typeof(ServerCallContext));
            context.AddUnaryMethod(Checked(method), metadata, invoker);
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var (invoker, metadata) = Model<ClientStreamingServerMethod<TService, TRequest, TResponse>>(method.Name, typeof(IAsyncStreamReader<TRequest>), typeof(ServerCallContext));
            context.AddClientStreamingMethod(Checked(method), metadata, invoker);
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var (invoker, metadata) = Model<ServerStreamingServerMethod<TService, TRequest, TResponse>>(method.Name, typeof(TRequest), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext));
            context.AddServerStreamingMethod(Checked(method), metadata, invoker);
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var (invoker, metadata) = Model<DuplexStreamingServerMethod<TService, TRequest, TResponse>>(method.Name, typeof(IAsyncStreamReader<TRequest>), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext));
            context.AddDuplexStreamingMethod(Checked(method), metadata, invoker);
        }

        private Method<TRequest, TResponse> Checked<TRequest, TResponse>(Method<TRequest, TResponse> method)
            where TRequest : class
            where TResponse : class
        {
            var read = method.RequestMarshaller.ContextualDeserializer;
            var marshaller = new Marshaller<TRequest>(method.RequestMarshaller.ContextualSerializer, body => Read(read, body));
            return new Method<TRequest, TResponse>(method.Type, method.ServiceName, method.Name, marshaller, method.ResponseMarshaller);
        }

        private TRequest Read<TRequest>(Func<DeserializationContext, TRequest> read, DeserializationContext body)
        {
            TRequest request;
            try
            {
                request = read(body);
            }
            catch (Exception error) when (error is InvalidProtocolBufferException or ArgumentException or InvalidOperationException)
            {
                throw DomainErrorMapper.ToRpcException(DomainException.Invalid(
                    "request",
                    "the request body is not this method's protobuf message (malformed, truncated or not UTF-8 where text is expected)"));
            }

            if (request is IMessage message)
            {
                try
                {
                    checker.Check(message);
                }
                catch (DomainException refusal)
                {
                    throw DomainErrorMapper.ToRpcException(refusal);
                }
            }

            return request;
        }

        /// <summary>The handler on <typeparamref name="TService"/> and its endpoint metadata, as grpc-dotnet's own binder makes them.</summary>
        private (TDelegate Invoker, List<object> Metadata) Model<TDelegate>(string methodName, params Type[] parameters)
            where TDelegate : Delegate
        {
            var handler = FindHandler(methodName, parameters)
                ?? throw new InvalidOperationException($"{typeof(TService)} has no handler for {methodName}");
            var metadata = new List<object>();
            metadata.AddRange(typeof(TService).GetCustomAttributes(inherit: true));
            metadata.AddRange(handler.GetCustomAttributes(inherit: true));
            metadata.Add(new HttpMethodMetadata(["POST"], acceptCorsPreflight: true));
            return ((TDelegate)Delegate.CreateDelegate(typeof(TDelegate), handler), metadata);
        }

        /// <summary>The override of the generated base's method: a same-named method that hides it is not the handler.</summary>
        private MethodInfo? FindHandler(string methodName, Type[] parameters)
        {
            for (var type = typeof(TService); type is not null; type = type.BaseType)
            {
                var method = type.GetMethod(methodName, BindingFlags.Public | BindingFlags.Instance, binder: null, parameters, modifiers: null);
                if (method is null)
                {
                    return null;
                }

                if (method.IsVirtual && method.GetBaseDefinition().DeclaringType == baseType)
                {
                    return method;
                }
            }

            return null;
        }
    }
}
