using System.Buffers;
using System.Collections.Concurrent;
using MimeKit;
using Pilot.Testing;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Pilot.Notification.Tests.Support;

/// <summary>A real SMTP server in the test process (the SmtpServer package) that keeps every mail it accepts.</summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly CancellationTokenSource stop;
    private readonly Task running;

    private SmtpSink(int port, CancellationTokenSource stop, Task running, ConcurrentQueue<MimeMessage> received)
    {
        Port = port;
        this.stop = stop;
        this.running = running;
        Received = received;
    }

    public int Port { get; }

    public ConcurrentQueue<MimeMessage> Received { get; }

    public static SmtpSink Start()
    {
        var port = LoopbackPorts.ForImmediateUse();
        var received = new ConcurrentQueue<MimeMessage>();
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, port))).Build();
        var services = new ServiceProvider();
        services.Add(new KeepingStore(received));
        var stop = new CancellationTokenSource();
        var server = new SmtpServer.SmtpServer(options, services);
        return new SmtpSink(port, stop, server.StartAsync(stop.Token), received);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await running;
        }
        catch (OperationCanceledException)
        {
        }

        stop.Dispose();
    }

    private sealed class KeepingStore(ConcurrentQueue<MimeMessage> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
