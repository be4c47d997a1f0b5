using System.Collections;
using System.Collections.Frozen;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Pilot.SharedKernel;

namespace Pilot.ServiceDefaults.Grpc.Input;

/// <summary>
/// A service's input limits, declared once: each request field (by its full proto name, e.g.
/// <c>pilot.registry.v1.OpenBatchRequest.name</c>) with its <see cref="FieldLimit"/>. Registered with
/// <c>AddInputLimits</c>; every request message is checked against them, and its text normalised to NFC, as it comes
/// off the wire, before authorisation, handlers or storage see it.
/// </summary>
public sealed class InputLimits
{
    private readonly Dictionary<string, FieldLimit> limits = new(StringComparer.Ordinal);

    public InputLimits(params FileDescriptor[] files) => Files = files;

    /// <summary>The proto files whose request messages these limits cover (the completeness test walks them).</summary>
    public IReadOnlyList<FileDescriptor> Files { get; }

    public IReadOnlyDictionary<string, FieldLimit> Declared => limits;

    /// <summary>Declares <paramref name="limit"/> for the field <paramref name="fieldName"/> of <paramref name="message"/>.</summary>
    public InputLimits Field(MessageDescriptor message, string fieldName, FieldLimit limit)
    {
        var field = message.FindFieldByName(fieldName)
            ?? throw new ArgumentException($"{message.FullName} has no field {fieldName}", nameof(fieldName));
        if (!limits.TryAdd(field.FullName, limit))
        {
            throw new ArgumentException($"{field.FullName} has a limit already", nameof(fieldName));
        }

        return this;
    }

    /// <summary>The same limit for several fields of one message.</summary>
    public InputLimits Fields(MessageDescriptor message, FieldLimit limit, params string[] fieldNames)
    {
        foreach (var name in fieldNames)
        {
            Field(message, name, limit);
        }

        return this;
    }

    /// <summary>Every registered service's limits in one lookup.</summary>
    internal static FrozenDictionary<string, FieldLimit> Merge(IEnumerable<InputLimits> all)
    {
        var merged = new Dictionary<string, FieldLimit>(StringComparer.Ordinal);
        foreach (var limits in all)
        {
            foreach (var (field, limit) in limits.limits)
            {
                merged.TryAdd(field, limit);
            }
        }

        return merged.ToFrozenDictionary(StringComparer.Ordinal);
    }
}

/// <summary>
/// Walks a request message against the limits. Counts are checked before items, so a list of a million entries costs
/// one violation; the walk stops after <see cref="MaxViolations"/>. Text is normalised to NFC in place. A field that
/// no service declared gets <see cref="Fallback"/> limits, so nothing that reaches a handler is unbounded.
/// </summary>
public sealed class InputChecker
{
    public const int MaxViolations = 20;

    private static readonly TextLimit FallbackText = new(FieldLimits.NameLength * 10, AllowsLineBreaks: false);
    private static readonly ItemsLimit FallbackItems = new(FieldLimits.Occupations, null);
    private static readonly BytesLimit FallbackBytes = new(FieldLimits.UploadChunkBytes);

    private readonly FrozenDictionary<string, FieldLimit> limits;

    public InputChecker(IEnumerable<InputLimits> limits) => this.limits = InputLimits.Merge(limits);

    /// <summary>The limits for fields nobody declared (health, reflection): one line of 1,000 characters, 500 items, 1 MiB.</summary>
    public static string Fallback => $"{FallbackText.Describe()}; {FallbackItems.Describe()}; {FallbackBytes.Describe()}";

    /// <summary>Checks and normalises <paramref name="message"/>; throws one refusal listing what is wrong.</summary>
    public void Check(IMessage message)
    {
        var found = new List<FieldViolation>();
        var path = new List<string>();
        Walk(message, path, found);
        if (found.Count == 0)
        {
            return;
        }

        var message0 = found.Count == 1 ? $"{found[0].Field}: {found[0].Description}" : $"{found.Count}{(found.Count >= MaxViolations ? " or more" : string.Empty)} fields are outside their limits; first {found[0].Field}: {found[0].Description}";
        throw new DomainException(ErrorKind.Invalid, null, message0, found);
    }

    private void Walk(IMessage message, List<string> path, List<FieldViolation> found)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            if (found.Count >= MaxViolations)
            {
                return;
            }

            limits.TryGetValue(field.FullName, out var limit);
            var value = field.Accessor.GetValue(message);
            path.Add(field.Name);
            if (field.IsMap)
            {
                CheckCount(((IDictionary)value).Count, limit, path, found);
            }
            else if (field.IsRepeated)
            {
                WalkList(field, (IList)value, limit, path, found);
            }
            else
            {
                WalkSingle(message, field, value, limit, path, found);
            }

            path.RemoveAt(path.Count - 1);
        }
    }

    private void WalkList(FieldDescriptor field, IList items, FieldLimit? limit, List<string> path, List<FieldViolation> found)
    {
        if (!CheckCount(items.Count, limit, path, found))
        {
            return;
        }

        if (limit is DistinctIntegersLimit distinct)
        {
            CheckDistinct(items, distinct, path, found);
            return;
        }

        var each = limit is ItemsLimit { Each: { } itemLimit } ? itemLimit : null;
        for (var i = 0; i < items.Count && found.Count < MaxViolations; i++)
        {
            var last = path[^1];
            path[^1] = $"{last}[{i}]";
            if (items[i] is IMessage item)
            {
                Walk(item, path, found);
            }
            else
            {
                var problem = CheckScalar(items[i], each, out var normalised);
                if (problem is not null)
                {
                    Add(path, problem, found);
                }
                else if (normalised is not null)
                {
                    items[i] = normalised;
                }
            }

            path[^1] = last;
        }
    }

    private void WalkSingle(IMessage message, FieldDescriptor field, object? value, FieldLimit? limit, List<string> path, List<FieldViolation> found)
    {
        switch (value)
        {
            case null:
                return;
            case IMessage child:
                Walk(child, path, found);
                return;
            default:
                var problem = CheckScalar(value, limit, out var normalised);
                if (problem is not null)
                {
                    Add(path, problem, found);
                }
                else if (normalised is not null)
                {
                    field.Accessor.SetValue(message, normalised);
                }

                return;
        }
    }

    /// <summary>A problem with one scalar, or null; <paramref name="normalised"/> is set when text changed under NFC.</summary>
    private static string? CheckScalar(object? value, FieldLimit? limit, out string? normalised)
    {
        normalised = null;
        switch (value)
        {
            case string text:
                switch (limit ?? FallbackText)
                {
                    case TextLimit textLimit:
                        var problem = textLimit.Problem(text, out var nfc);
                        if (problem is null && !ReferenceEquals(nfc, text))
                        {
                            normalised = nfc;
                        }

                        return problem;
                    case CodeLimit code:
                        return code.Problem(text);
                    case DateLimit date:
                        return date.Problem(text);
                    default:
                        return FallbackText.Problem(text, out _);
                }

            case ByteString bytes:
                var max = (limit as BytesLimit ?? FallbackBytes).MaxBytes;
                return bytes.Length > max ? $"must be at most {max} bytes, this has {bytes.Length}" : null;
            case int or long or uint or ulong when limit is RangeLimit range:
                var number = Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture);
                return number < range.Min || number > range.Max ? $"must be from {range.Min} to {range.Max}, this is {number}" : null;
            default:
                return null;
        }
    }

    private static bool CheckCount(int count, FieldLimit? limit, List<string> path, List<FieldViolation> found)
    {
        var max = limit switch
        {
            ItemsLimit items => items.MaxItems,
            DistinctIntegersLimit distinct => distinct.Max - distinct.Min + 1,
            _ => FallbackItems.MaxItems,
        };
        if (count <= max)
        {
            return true;
        }

        Add(path, $"must have at most {max} items, this has {count}", found);
        return false;
    }

    private static void CheckDistinct(IList items, DistinctIntegersLimit limit, List<string> path, List<FieldViolation> found)
    {
        var seen = new HashSet<long>();
        for (var i = 0; i < items.Count; i++)
        {
            var value = Convert.ToInt64(items[i], System.Globalization.CultureInfo.InvariantCulture);
            string? problem = value < limit.Min || value > limit.Max
                ? $"{value} is outside {limit.Min}–{limit.Max}"
                : !seen.Add(value) ? $"{value} is listed twice" : null;
            if (problem is not null)
            {
                var last = path[^1];
                path[^1] = $"{last}[{i}]";
                Add(path, problem, found);
                path[^1] = last;
                return;
            }
        }
    }

    private static void Add(List<string> path, string problem, List<FieldViolation> found) =>
        found.Add(new FieldViolation(string.Join('.', path), problem));
}
