using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Pilot.SharedKernel;

namespace Pilot.Filing.Grpc;

/// <summary>Dates travel as ISO yyyy-MM-dd strings (as in registry.proto), instants as Timestamps.</summary>
internal static class ProtoDates
{
    private const string Format = "yyyy-MM-dd";

    public static string ToIso(DateOnly date) => date.ToString(Format, CultureInfo.InvariantCulture);

    public static string ToIso(DateOnly? date) => date is { } value ? ToIso(value) : string.Empty;

    public static DateOnly Parse(string? text, string field) =>
        ParseOptional(text, field) ?? throw DomainException.Invalid(field, "give a date as yyyy-MM-dd");

    public static DateOnly? ParseOptional(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return DateOnly.TryParseExact(text.Trim(), Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw DomainException.Invalid(field, $"'{text}' is not a date of the form yyyy-MM-dd");
    }

    public static Timestamp ToTimestamp(DateTimeOffset instant) => Timestamp.FromDateTimeOffset(instant);
}
