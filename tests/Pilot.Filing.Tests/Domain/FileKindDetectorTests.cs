using Pilot.SharedKernel.Files;

namespace Pilot.Filing.Tests.Domain;

public sealed class FileKindDetectorTests
{
    public static TheoryData<string, FileKind> Samples => new()
    {
        { nameof(SampleFiles.Pdf), FileKind.Pdf },
        { nameof(SampleFiles.Docx), FileKind.WordOpenXml },
        { nameof(SampleFiles.LegacyWord), FileKind.WordBinary },
        { nameof(SampleFiles.Ofd), FileKind.Ofd },
        { nameof(SampleFiles.Png), FileKind.Png },
        { nameof(SampleFiles.Jpeg), FileKind.Jpeg },
        { nameof(SampleFiles.Xlsx), FileKind.Unknown },
        { nameof(SampleFiles.ZipWithNestedOfdXml), FileKind.Unknown },
        { nameof(SampleFiles.LegacyExcel), FileKind.Unknown },
        { nameof(SampleFiles.TruncatedZip), FileKind.Unknown },
        { nameof(SampleFiles.PlainText), FileKind.Unknown },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Tells_formats_apart_by_their_bytes(string sample, FileKind expected)
    {
        var bytes = (byte[])typeof(SampleFiles).GetMethod(sample, System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public)!
            .Invoke(null, null)!;
        using var stream = new MemoryStream(bytes);
        Assert.Equal(expected, FileKindDetector.Detect(stream));
    }

    [Fact]
    public void An_empty_stream_is_unknown()
    {
        using var stream = new MemoryStream();
        Assert.Equal(FileKind.Unknown, FileKindDetector.Detect(stream));
    }

    [Fact]
    public void Restores_the_stream_position()
    {
        using var stream = new MemoryStream(SampleFiles.Docx());
        stream.Position = 7;
        FileKindDetector.Detect(stream);
        Assert.Equal(7, stream.Position);
    }
}
