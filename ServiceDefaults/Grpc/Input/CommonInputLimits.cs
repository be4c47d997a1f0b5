using Grpc.Health.V1;
using Pilot.SharedKernel;

namespace Pilot.ServiceDefaults.Grpc.Input;

/// <summary>The limits of the methods every service serves: the standard health service (identity takes no input).</summary>
internal static class CommonInputLimits
{
    public static InputLimits Create() =>
        new InputLimits(HealthReflection.Descriptor)
            .Field(HealthCheckRequest.Descriptor, "service", FieldLimit.Code(FieldLimits.NameLength));
}
