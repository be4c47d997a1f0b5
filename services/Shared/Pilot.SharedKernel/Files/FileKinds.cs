namespace Pilot.SharedKernel.Files;

/// <summary>Which detected kinds each use accepts; the detector knows more kinds than any one use takes.</summary>
public static class FileKinds
{
    /// <summary>A material package's documents (附件): PDF, Word and OFD.</summary>
    public static readonly IReadOnlySet<FileKind> Documents = new HashSet<FileKind> { FileKind.Pdf, FileKind.WordOpenXml, FileKind.WordBinary, FileKind.Ofd };

    /// <summary>An objection's evidence: a document or a photograph (PNG, JPEG).</summary>
    public static readonly IReadOnlySet<FileKind> Evidence = new HashSet<FileKind> { FileKind.Pdf, FileKind.WordOpenXml, FileKind.WordBinary, FileKind.Ofd, FileKind.Png, FileKind.Jpeg };
}
