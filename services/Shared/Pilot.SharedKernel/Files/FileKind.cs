namespace Pilot.SharedKernel.Files;

/// <summary>What a file really is, judged by its bytes; the name a client sends proves nothing.</summary>
public enum FileKind
{
    /// <summary>Not one of the formats the detector knows.</summary>
    Unknown,

    /// <summary>PDF, starts with <c>%PDF-</c>.</summary>
    Pdf,

    /// <summary>Word .docx: a ZIP holding <c>word/document.xml</c>.</summary>
    WordOpenXml,

    /// <summary>Legacy Word .doc: an OLE compound file holding a <c>WordDocument</c> stream.</summary>
    WordBinary,

    /// <summary>OFD (GB/T 33190, the Chinese fixed-layout format): a ZIP with <c>OFD.xml</c> at its root.</summary>
    Ofd,

    /// <summary>PNG image, starts with the eight-byte PNG signature.</summary>
    Png,

    /// <summary>JPEG image, starts with a start-of-image marker followed by another marker.</summary>
    Jpeg,
}
