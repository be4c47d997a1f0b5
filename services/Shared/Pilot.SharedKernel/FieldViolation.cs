namespace Pilot.SharedKernel;

/// <summary>One field a client should highlight, with a sentence the user can act on.</summary>
/// <param name="Field">Path of the field in the request, e.g. <c>organisations[1].credit_code</c>.</param>
/// <param name="Description">What is wrong and what would be accepted.</param>
public sealed record FieldViolation(string Field, string Description);
