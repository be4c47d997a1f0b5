namespace Pilot.SharedKernel;

/// <summary>
/// How a refused request should be reported to the caller; each kind maps to one gRPC status code.
/// </summary>
public enum ErrorKind
{
    /// <summary>The request itself is malformed or breaks a rule (InvalidArgument).</summary>
    Invalid,

    /// <summary>The request is well formed but the system is not in a state that allows it (FailedPrecondition).</summary>
    Precondition,

    /// <summary>The caller may not do this (PermissionDenied).</summary>
    Forbidden,

    /// <summary>What the request names does not exist (NotFound).</summary>
    NotFound,

    /// <summary>Someone else changed the record first: read again and retry (Aborted).</summary>
    Conflict,

    /// <summary>What the request would create exists already: retrying will not help (AlreadyExists).</summary>
    AlreadyExists,
}
