using Grpc.Core;

namespace Pilot.Testing.Services;

public static class Bearer
{
    public static Metadata Header(string token) => new() { { "Authorization", $"Bearer {token}" } };
}
