using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using Dapr.Client;
using Dapr.Client.Autogen.Grpc.v1;
using Grpc.Net.Client;

namespace Pilot.EventBus.Tests.Dapr;

/// <summary>
/// Stands in for daprd's gRPC API underneath a real DaprClient: decodes each PublishEventRequest from
/// the HTTP/2 request and answers with an empty gRPC reply (or an error while <see cref="Unavailable"/>).
/// </summary>
public sealed class CapturingDaprHandler : HttpMessageHandler
{
    private const int FrameHeaderLength = 5;

    public ConcurrentQueue<PublishEventRequest> Published { get; } = new();

    public ConcurrentQueue<string> Paths { get; } = new();

    private volatile bool _unavailable;

    public bool Unavailable
    {
        get => _unavailable;
        set => _unavailable = value;
    }

    public DaprClient CreateClient() =>
        new DaprClientBuilder()
            .UseGrpcEndpoint("http://127.0.0.1:50001")
            .UseGrpcChannelOptions(new GrpcChannelOptions { HttpHandler = this })
            .Build();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        Paths.Enqueue(path);
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var status = Unavailable ? "14" : "0";
        if (!Unavailable && path.EndsWith("/PublishEvent", StringComparison.Ordinal))
        {
            Published.Enqueue(PublishEventRequest.Parser.ParseFrom(body.AsSpan(FrameHeaderLength)));
        }
        else if (!Unavailable)
        {
            status = "12"; // UNIMPLEMENTED: nothing else of daprd is faked here.
        }

        var response = new HttpResponseMessage(HttpStatusCode.OK)
        {
            Version = HttpVersion.Version20,
            RequestMessage = request,
            Content = new ByteArrayContent(status == "0" ? new byte[FrameHeaderLength] : []),
        };
        response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        response.TrailingHeaders.Add("grpc-status", status);
        return response;
    }
}
