using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Pilot.Publication.Domain.Directory;

/// <summary>
/// The canonical export of a version: UTF-8 JSON without a BOM or whitespace, camelCase names in declaration order,
/// Chinese written as it is. These bytes are stored once, at publication, and served unchanged; their SHA-256 is the
/// version's hash, so anyone can check a copy with <c>sha256sum</c>.
/// </summary>
public static class DirectoryCanonicalJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = false,
    };

    public static byte[] Write(DirectoryContent content) => JsonSerializer.SerializeToUtf8Bytes(content, Options);

    public static DirectoryContent Read(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize<DirectoryContent>(json, Options) ?? throw new InvalidDataException("a stored directory export is null");

    public static string Sha256Hex(ReadOnlySpan<byte> export) => Convert.ToHexStringLower(SHA256.HashData(export));
}
