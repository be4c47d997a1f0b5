using Grpc.Core;
using Pilot.Filing.Tests.Domain;
using Pilot.Filing.Tests.Grpc.Support;
using Pilot.Protos.Filing;
using Pilot.SharedKernel;
using DomainSubmitterKind = Pilot.Filing.Domain.Materials.SubmitterKind;

namespace Pilot.Filing.Tests.Grpc;

/// <summary>
/// Filing's cases of issue 15, each as it was probed: a 1 MiB request_id accepted (the Registry limits it to 128), a
/// 1 MB sub_type, a file name with NUL and ESC, control characters in reasons, and a refused GetPackage with a 1 MiB
/// sponsor_org_id appending 2 MB to the audit trail. Each is now refused before any work and leaves nothing.
/// </summary>
public sealed class HostileCasesTests(FilingFactory factory) : IClassFixture<FilingFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly Scenario scenario = new(factory);

    [Fact]
    public async Task A_request_id_longer_than_128_characters_is_refused_naming_it()
    {
        var request = Scenario.FilingRequest(scenario.Branch());
        request.RequestId = new string('r', 129);

        var error = await Scenario.RefusedAsync(() => scenario.Client.SubmitFilingAsync(request, scenario.As(Roles.EvaluationOrg, org: request.BranchId), cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("request_id", Scenario.Fields(error));
    }

    [Fact]
    public async Task A_long_sub_type_is_refused_naming_it()
    {
        var branch = scenario.Branch();
        var request = Scenario.FilingRequest(branch);
        request.Occupations.Add(new OccupationRef { Code = "4-12-01-01", SubType = new string('工', 51) });

        var error = await Scenario.RefusedAsync(() => scenario.Client.SubmitFilingAsync(request, scenario.As(Roles.EvaluationOrg, org: branch.OrgId), cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(Scenario.Fields(error), f => f.EndsWith(".sub_type", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("plan\0.pdf")]
    [InlineData("plan\u001B[2J.pdf")]
    public async Task An_upload_file_name_with_control_characters_is_refused(string fileName)
    {
        var (org, caller) = scenario.Sponsor(DomainSubmitterKind.Department);

        var error = await Scenario.RefusedAsync(() => scenario.UploadAsync(caller, org, SampleFiles.Pdf(), fileName));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("metadata.file_name", Scenario.Fields(error));
    }

    [Theory]
    [InlineData("缺少材料\a")]
    [InlineData("缺少材料\b\b")]
    [InlineData("\u001B[31m缺少材料")]
    public async Task A_rejection_reason_with_control_characters_other_than_line_breaks_is_refused(string reason)
    {
        var filing = await scenario.FileAsync(scenario.Branch());

        var error = await Scenario.RefusedAsync(() => scenario.Client.RejectFilingAsync(new RejectFilingRequest
        {
            RequestId = Scenario.Unique("req"), FilingId = filing.FilingId, ExpectedVersion = filing.Version, Reason = reason,
        }, scenario.Bureau(Scenario.Beijing), cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("reason", Scenario.Fields(error));
    }

    [Fact]
    public async Task A_rejection_reason_may_run_over_several_lines()
    {
        var filing = await scenario.FileAsync(scenario.Branch());

        var rejected = await scenario.Client.RejectFilingAsync(new RejectFilingRequest
        {
            RequestId = Scenario.Unique("req"), FilingId = filing.FilingId, ExpectedVersion = filing.Version, Reason = "一、缺少场地证明；\n二、缺少考评人员名单。",
        }, scenario.Bureau(Scenario.Beijing), cancellationToken: Ct);

        Assert.Equal(FilingStatus.Rejected, rejected.Status);
    }

    [Fact]
    public async Task A_refused_GetPackage_with_a_long_sponsor_id_is_refused_unread_and_adds_nothing_to_the_audit_trail()
    {
        var (_, caller) = scenario.Sponsor(DomainSubmitterKind.Department);
        var trailBefore = await factory.Redis.StreamLengthAsync("filing:audit");

        var error = await Scenario.RefusedAsync(() => scenario.Client.GetPackageAsync(
            new GetPackageRequest { BatchId = FilingFactory.OpenBatch, SponsorOrgId = new string('s', 200_000) }, caller, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("sponsor_org_id", Scenario.Fields(error));
        Assert.True(error.Trailers.Sum(t => t.IsBinary ? t.ValueBytes.Length : t.Value.Length) < 2048);
        Assert.Equal(trailBefore, await factory.Redis.StreamLengthAsync("filing:audit"));
    }
}
