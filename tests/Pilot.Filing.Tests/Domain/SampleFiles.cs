using System.IO.Compression;
using System.Text;

namespace Pilot.Filing.Tests.Domain;

/// <summary>Tiny but structurally real files of each kind, built in memory.</summary>
internal static class SampleFiles
{
    public static byte[] Pdf() =>
        Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    public static byte[] Docx() => Zip(
        ("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
        ("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"/>"),
        ("word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>"));

    public static byte[] Ofd() => Zip(
        ("OFD.xml", "<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\" Version=\"1.0\" DocType=\"OFD\"/>"),
        ("Doc_0/Document.xml", "<ofd:Document xmlns:ofd=\"http://www.ofdspec.org/2016\"/>"));

    /// <summary>A spreadsheet is a ZIP too, but not a Word document.</summary>
    public static byte[] Xlsx() => Zip(
        ("[Content_Types].xml", "<Types/>"),
        ("xl/workbook.xml", "<workbook/>"));

    /// <summary>OFD.xml must sit at the root; nested it does not make an OFD.</summary>
    public static byte[] ZipWithNestedOfdXml() => Zip(("docs/OFD.xml", "<ofd:OFD/>"));

    public static byte[] LegacyWord() => CompoundFile("WordDocument");

    public static byte[] LegacyExcel() => CompoundFile("Workbook");

    /// <summary>The ZIP signature followed by junk: no central directory to read.</summary>
    public static byte[] TruncatedZip() => [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x01, 0x02];

    public static byte[] Png() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];

    public static byte[] Jpeg() => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00];

    public static byte[] PlainText() => Encoding.UTF8.GetBytes("试点工作方案 — just text");

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(archive.CreateEntry(name).Open(), Encoding.UTF8);
                writer.Write(content);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>An OLE compound file header, then one directory sector with a root entry and one stream.</summary>
    private static byte[] CompoundFile(string streamName)
    {
        var file = new byte[512 + 512];
        byte[] magic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        magic.CopyTo(file, 0);
        WriteEntry(file, 512, "Root Entry", type: 5);
        WriteEntry(file, 512 + 128, streamName, type: 2);
        return file;
    }

    private static void WriteEntry(byte[] file, int offset, string name, byte type)
    {
        var encoded = Encoding.Unicode.GetBytes(name + "\0");
        encoded.CopyTo(file, offset);
        file[offset + 64] = (byte)encoded.Length;
        file[offset + 66] = type;
    }
}
