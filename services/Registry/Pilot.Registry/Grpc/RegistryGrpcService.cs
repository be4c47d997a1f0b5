using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Pilot.Protos.Registry;
using Pilot.SharedKernel;

namespace Pilot.Registry.Grpc;

public sealed class RegistryGrpcService : Protos.Registry.Registry.RegistryBase
{
    [AllowAnonymous]
    public override Task<ListRegionsResponse> ListRegions(ListRegionsRequest request, ServerCallContext context)
    {
        var response = new ListRegionsResponse();
        response.Regions.AddRange(ProvinceRegion.All
            .OrderBy(region => region.Code, StringComparer.Ordinal)
            .Select(region => new Region { Code = region.Code, Name = region.Name }));
        return Task.FromResult(response);
    }
}
