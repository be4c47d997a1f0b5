using Google.Rpc;
using Grpc.Core;
using Pilot.ServiceDefaults.Grpc;
using Pilot.SharedKernel;

namespace Pilot.ServiceDefaults.Tests;

public sealed class DomainErrorMapperTests
{
    [Fact]
    public void A_refusal_of_a_huge_request_answers_in_trailers_far_below_8_KB_and_says_how_many_violations_it_left_out()
    {
        var huge = new string('职', 1024 * 1024);
        var violations = Enumerable.Range(0, 100_000).Select(i => new FieldViolation($"levels[{i}]", $"level {huge[..50]} is not 1–5")).ToList();
        var error = DomainErrorMapper.ToRpcException(new DomainException(ErrorKind.Invalid, "R2", "R2: " + huge, violations));

        var details = error.Trailers.GetValueBytes("grpc-status-details-bin")!;
        var trailerBytes = Uri.EscapeDataString(error.Status.Detail).Length + (details.Length * 4 / 3);
        Assert.InRange(trailerBytes, 1, 8 * 1024 / 2);
        Assert.StartsWith("R2: 职", error.Status.Detail, StringComparison.Ordinal);
        Assert.EndsWith("…", error.Status.Detail, StringComparison.Ordinal);

        var badRequest = error.GetRpcStatus()!.GetDetail<BadRequest>()!;
        Assert.InRange(badRequest.FieldViolations.Count, 2, 60);
        Assert.Equal("levels[0]", badRequest.FieldViolations[0].Field);
        Assert.Equal($"and {100_000 - (badRequest.FieldViolations.Count - 1)} more violation(s) not listed; fix the ones above and send the request again", badRequest.FieldViolations[^1].Description);
    }

    [Fact]
    public void A_small_refusal_is_answered_whole()
    {
        var error = DomainErrorMapper.ToRpcException(DomainException.Invalid("credit_code", "the check character is wrong", "R1"));

        Assert.Equal("R1: the check character is wrong", error.Status.Detail);
        var violation = Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations);
        Assert.Equal(("credit_code", "the check character is wrong"), (violation.Field, violation.Description));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }
}
