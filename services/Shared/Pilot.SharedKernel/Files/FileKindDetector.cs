using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Pilot.SharedKernel.Files;

/// <summary>
/// Tells PDF, Word, OFD, PNG and JPEG files apart by their bytes. ZIP-based formats are told apart by the entries
/// listed in the archive's central directory, because .docx, .ofd and any other ZIP share the same first bytes.
/// </summary>
public static class FileKindDetector
{
    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] OleMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    // Start of image, then the first segment's marker (0xFF followed by a marker code).
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];

    // An OLE directory entry is 128 bytes: a UTF-16LE name padded to 64 bytes, then the name's byte
    // length including the terminator, then the object type (2 = stream).
    private const int OleHeaderSize = 512;
    private const int OleDirectoryEntrySize = 128;
    private static readonly byte[] WordDocumentEntryName = Encoding.Unicode.GetBytes("WordDocument\0");

    /// <summary>Detects the kind of a readable, seekable stream; the position is restored afterwards.</summary>
    public static FileKind Detect(Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanSeek || !content.CanRead)
        {
            throw new ArgumentException("detection needs a readable, seekable stream", nameof(content));
        }

        var start = content.Position;
        try
        {
            content.Position = 0;
            Span<byte> header = stackalloc byte[8];
            var read = content.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
            header = header[..read];
            content.Position = 0;

            if (header.StartsWith(PdfMagic))
            {
                return FileKind.Pdf;
            }

            if (header.StartsWith(ZipMagic))
            {
                return DetectZipBased(content);
            }

            if (header.SequenceEqual(PngMagic))
            {
                return FileKind.Png;
            }

            if (header.StartsWith(JpegMagic) && header.Length >= 4 && header[3] != 0xFF && header[3] != 0x00)
            {
                return FileKind.Jpeg;
            }

            if (header.SequenceEqual(OleMagic))
            {
                return HasWordDocumentStream(content) ? FileKind.WordBinary : FileKind.Unknown;
            }

            return FileKind.Unknown;
        }
        finally
        {
            content.Position = start;
        }
    }

    private static FileKind DetectZipBased(Stream content)
    {
        try
        {
            using var archive = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var names = archive.Entries.Select(entry => entry.FullName.Replace('\\', '/').TrimStart('/')).ToList();
            if (names.Contains("word/document.xml", StringComparer.OrdinalIgnoreCase))
            {
                return FileKind.WordOpenXml;
            }

            if (names.Contains("OFD.xml", StringComparer.OrdinalIgnoreCase))
            {
                return FileKind.Ofd;
            }

            return FileKind.Unknown;
        }
        catch (InvalidDataException)
        {
            // A local-file signature without a readable central directory: truncated or forged.
            return FileKind.Unknown;
        }
    }

    private static bool HasWordDocumentStream(Stream content)
    {
        // Directory sectors are sector-aligned and sectors are 512 or 4096 bytes, so every directory
        // entry starts on a 128-byte boundary after the header; checking each boundary avoids walking the
        // FAT chain and still recognises a Word file while refusing Excel or PowerPoint compound files.
        var entry = new byte[OleDirectoryEntrySize];
        content.Position = OleHeaderSize;
        while (content.ReadAtLeast(entry, entry.Length, throwOnEndOfStream: false) == entry.Length)
        {
            if (entry.AsSpan(0, WordDocumentEntryName.Length).SequenceEqual(WordDocumentEntryName)
                && BinaryPrimitives.ReadUInt16LittleEndian(entry.AsSpan(64, 2)) == WordDocumentEntryName.Length
                && entry[66] == 2)
            {
                return true;
            }
        }

        return false;
    }
}
