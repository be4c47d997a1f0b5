using System.Collections;
using System.Text.RegularExpressions;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Net.Client;
using Pilot.ServiceDefaults.Grpc.Input;

namespace Pilot.Testing.Services.Hostile;

/// <summary>A request that breaks exactly one limit, and the field its refusal must name.</summary>
public sealed record OnePast(string Method, string Field, string Case, byte[] Body);

/// <summary>
/// Holds a service's <see cref="InputLimits"/> (the one place limits are declared) against its <c>.proto</c> comments
/// and its methods: every text, bytes or repeated field a request can carry has a limit, each limit is stated in its
/// field's comment, and for every method a request one past each limit is generated.
/// </summary>
public static partial class InputLimitsConformance
{
    /// <summary>The text, bytes and repeated fields reachable from <paramref name="request"/> with their paths.</summary>
    public static IEnumerable<(FieldDescriptor Field, string Path)> LimitableFields(MessageDescriptor request) =>
        Walk(request, string.Empty, []);

    /// <summary>Fields a request can carry that have no declared limit (should be none).</summary>
    public static IReadOnlyList<string> Undeclared(InputLimits limits, IEnumerable<MessageDescriptor> requests) =>
        [.. requests.SelectMany(LimitableFields)
            .Where(f => !limits.Declared.ContainsKey(f.Field.FullName))
            .Select(f => f.Field.FullName)
            .Distinct()
            .Order(StringComparer.Ordinal)];

    /// <summary>Declared limits whose field's comment in <paramref name="protoText"/> does not state "Limit: …".</summary>
    public static IReadOnlyList<string> Unstated(InputLimits limits, FileDescriptor file, string protoText)
    {
        var missing = new List<string>();
        foreach (var (fullName, limit) in limits.Declared)
        {
            var field = file.MessageTypes.SelectMany(AllMessages).SelectMany(m => m.Fields.InDeclarationOrder()).FirstOrDefault(f => f.FullName == fullName);
            if (field is null)
            {
                continue;
            }

            var comment = CommentAbove(protoText, field.ContainingType.Name, field.Name);
            if (comment is null || !comment.Contains($"Limit: {limit.Describe()}.", StringComparison.Ordinal))
            {
                missing.Add($"{fullName}: expected '// Limit: {limit.Describe()}.'");
            }
        }

        return missing;
    }

    /// <summary>For each method, one request per limit reachable from its request type, each one past that limit.</summary>
    public static IEnumerable<OnePast> OnePastEachLimit(InputLimits limits, IEnumerable<(string Method, MessageDescriptor Request)> methods)
    {
        foreach (var (method, request) in methods)
        {
            foreach (var (field, path) in LimitableFieldsWithScalars(request, limits))
            {
                if (!limits.Declared.TryGetValue(field.FullName, out var limit))
                {
                    continue;
                }

                foreach (var (caseName, value, violationPath) in PastValues(field, limit, path))
                {
                    var message = request.Parser.ParseFrom([]);
                    Set(message, path, field, value);
                    yield return new OnePast(method, violationPath, caseName, message.ToByteArray());
                }
            }
        }
    }

    /// <summary>Sends one request and says what was wrong with the answer, or null when it was the expected refusal.</summary>
    public static async Task<string?> CheckRefusedAsync(GrpcChannel channel, IMethod method, OnePast past, Metadata headers)
    {
        var answer = await RawCall.SendAsync(channel, method, past.Body, headers);
        if (answer.Code != StatusCode.InvalidArgument)
        {
            return $"{past.Method} {past.Case} at {past.Field}: {answer}";
        }

        var named = answer.Fields?.FieldViolations.Any(v => v.Field == past.Field) ?? false;
        return named ? null : $"{past.Method} {past.Case}: refused, but not naming {past.Field}: {answer}";
    }

    private static IEnumerable<(FieldDescriptor Field, string Path)> LimitableFieldsWithScalars(MessageDescriptor request, InputLimits limits) =>
        WalkAll(request, string.Empty, []).Where(f => limits.Declared.ContainsKey(f.Field.FullName));

    private static IEnumerable<(FieldDescriptor, string)> Walk(MessageDescriptor message, string prefix, HashSet<string> seen) =>
        WalkAll(message, prefix, seen).Where(f => f.Field.IsRepeated || f.Field.FieldType is FieldType.String or FieldType.Bytes);

    private static IEnumerable<(FieldDescriptor Field, string Path)> WalkAll(MessageDescriptor message, string prefix, HashSet<string> seen)
    {
        if (!seen.Add(message.FullName))
        {
            yield break;
        }

        foreach (var field in message.Fields.InDeclarationOrder())
        {
            var path = prefix + field.Name;
            yield return (field, path);
            if (field.FieldType == FieldType.Message && !field.IsMap)
            {
                var inner = field.IsRepeated ? path + "[0]." : path + ".";
                foreach (var nested in WalkAll(field.MessageType, inner, [.. seen]))
                {
                    yield return nested;
                }
            }
        }
    }

    /// <summary>Values one past <paramref name="limit"/>, with the path the refusal must name.</summary>
    private static IEnumerable<(string Case, object Value, string Path)> PastValues(FieldDescriptor field, FieldLimit limit, string path)
    {
        switch (limit)
        {
            case TextLimit text:
                yield return ("one character too long", new string('字', text.MaxChars + 1), path);
                yield return ("a NUL", "a\0b", path);
                yield return ("an ESC", "a\u001Bb", path);
                if (!text.AllowsLineBreaks)
                {
                    yield return ("a line break", "a\nb", path);
                }

                break;
            case CodeLimit code:
                yield return ("one character too long", new string('a', code.MaxChars + 1), path);
                yield return ("a space", "a b", path);
                yield return ("a non-ASCII letter", "a字", path);
                break;
            case DateLimit date:
                yield return ("a year too late", $"{date.Latest.Year + 1}-01-01", path);
                yield return ("the year 9999", "9999-12-31", path);
                yield return ("a day before the earliest", date.Earliest.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), path);
                yield return ("not a date", "2021-02-30", path);
                break;
            case ItemsLimit items:
                yield return ("one item too many", new ItemCount(items.MaxItems + 1, items.Each), path);
                if (items.Each is not null)
                {
                    foreach (var (caseName, value, _) in PastValues(field, items.Each, path))
                    {
                        yield return ("an item with " + caseName, new OneItem(value), path + "[0]");
                    }
                }

                break;
            case DistinctIntegersLimit distinct:
                yield return ("a value too large", new IntItems([distinct.Max + 1]), path + "[0]");
                yield return ("a value too small", new IntItems([distinct.Min - 1]), path + "[0]");
                yield return ("a repeat", new IntItems([distinct.Min, distinct.Min]), path + "[1]");
                yield return ("one item too many", new IntItems([.. Enumerable.Repeat(distinct.Min, distinct.Max - distinct.Min + 2)]), path);
                break;
            case RangeLimit range:
                if (field.FieldType is FieldType.Int64 or FieldType.SInt64 || range.Max < int.MaxValue)
                {
                    yield return ("one too large", range.Max + 1, path);
                }

                yield return ("one too small", range.Min - 1, path);
                break;
            case BytesLimit bytes:
                yield return ("one byte too many", ByteString.CopyFrom(new byte[bytes.MaxBytes + 1]), path);
                break;
        }
    }

    private sealed record ItemCount(int Count, FieldLimit? Each);

    private sealed record OneItem(object Value);

    private sealed record IntItems(int[] Values);

    /// <summary>Sets the field at <paramref name="path"/>, creating the messages (and one list item) on the way.</summary>
    private static void Set(IMessage root, string path, FieldDescriptor target, object value)
    {
        var steps = path.Split('.');
        var current = root;
        for (var i = 0; i < steps.Length - 1; i++)
        {
            var name = steps[i].Replace("[0]", string.Empty, StringComparison.Ordinal);
            var field = current.Descriptor.FindFieldByName(name);
            if (field.IsRepeated)
            {
                var list = (IList)field.Accessor.GetValue(current);
                var item = field.MessageType.Parser.ParseFrom([]);
                list.Add(item);
                current = item;
            }
            else
            {
                var child = (IMessage?)field.Accessor.GetValue(current);
                if (child is null)
                {
                    child = field.MessageType.Parser.ParseFrom([]);
                    field.Accessor.SetValue(current, child);
                }

                current = child;
            }
        }

        switch (value)
        {
            case ItemCount count:
                var items = (IList)target.Accessor.GetValue(current);
                for (var i = 0; i < count.Count; i++)
                {
                    items.Add(target.FieldType switch
                    {
                        FieldType.Message => target.MessageType.Parser.ParseFrom([]),
                        FieldType.String => "a",
                        _ => 1,
                    });
                }

                break;
            case OneItem one:
                ((IList)target.Accessor.GetValue(current)).Add(one.Value);
                break;
            case IntItems ints:
                var numbers = (IList)target.Accessor.GetValue(current);
                foreach (var number in ints.Values)
                {
                    numbers.Add(number);
                }

                break;
            case long number when target.FieldType is FieldType.Int32 or FieldType.SInt32:
                target.Accessor.SetValue(current, checked((int)number));
                break;
            default:
                target.Accessor.SetValue(current, value);
                break;
        }
    }

    private static IEnumerable<MessageDescriptor> AllMessages(MessageDescriptor message) =>
        message.NestedTypes.SelectMany(AllMessages).Prepend(message);

    /// <summary>The comment lines directly above field <paramref name="field"/> of message <paramref name="message"/>.</summary>
    private static string? CommentAbove(string protoText, string message, string field)
    {
        var start = Regex.Match(protoText, $@"^message {Regex.Escape(message)} \{{", RegexOptions.Multiline);
        if (!start.Success)
        {
            return null;
        }

        var lines = protoText[start.Index..].Split('\n');
        for (var i = 1; i < lines.Length && !lines[i].StartsWith('}'); i++)
        {
            if (FieldLine().Match(lines[i]) is { Success: true } match && match.Groups["name"].Value == field)
            {
                var comment = new List<string>();
                for (var j = i - 1; j > 0 && lines[j].TrimStart().StartsWith("//", StringComparison.Ordinal); j--)
                {
                    comment.Insert(0, lines[j].Trim());
                }

                return string.Join('\n', comment);
            }
        }

        return null;
    }

    [GeneratedRegex(@"^\s*(repeated\s+|optional\s+)?[\w.]+\s+(?<name>\w+)\s*=\s*\d+")]
    private static partial Regex FieldLine();
}
