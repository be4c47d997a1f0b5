using Pilot.Publication.Application;
using Pilot.Publication.Grpc;
using Pilot.SharedKernel;

namespace Pilot.Publication.Http;

/// <summary>
/// A directory version as a file over plain HTTP, for browsers, spreadsheets and <c>curl | sha256sum</c>:
/// <c>GET /v1/directory/{batchId}/versions/{version}/export?format=json|csv</c> (version 0 is the latest). The JSON is the
/// stored canonical export itself, byte for byte.
/// </summary>
internal static class DirectoryExportEndpoint
{
    public static void MapDirectoryExport(this WebApplication app) =>
        app.MapGet("/v1/directory/{batchId}/versions/{version:int}/export", ExportAsync).AllowAnonymous();

    private static async Task<IResult> ExportAsync(string batchId, int version, string? format, PublicationReads reads, DirectoryCsv csv)
    {
        if (format is not (null or "" or "json" or "csv"))
        {
            return Results.Problem(detail: "format is json (the canonical export) or csv", statusCode: StatusCodes.Status400BadRequest);
        }

        try
        {
            var published = await reads.ExportAsync(batchId, version);
            var file = format == "csv" ? csv.Of(published) : DirectoryCsv.Json(published);
            return Results.File(file.Content, file.ContentType, file.FileName);
        }
        catch (DomainException refusal)
        {
            return Results.Problem(
                detail: refusal.Message,
                statusCode: refusal.Kind == ErrorKind.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest);
        }
    }
}
