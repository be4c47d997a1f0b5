using System.Collections;
using CsCheck;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Pilot.ServiceDefaults.Grpc.Input;
using Pilot.SharedKernel;

namespace Pilot.Testing.Services.Hostile;

/// <summary>One generated call: the method, the body's bytes, the bearer token (or none), and what it is, for a failure's report.</summary>
public sealed record HostileCall(string Method, byte[] Body, string? Authorization, string Token, string Shape)
{
    public override string ToString() => $"{Method} [{Shape}] token {Token}, {Body.Length} bytes";
}

/// <summary>
/// Generates hostile requests for any method from its request type and the service's declared limits, so a new
/// method is covered without a line of its own: every field is left out, given a plausible value, or a hostile one
/// (at and past its limit, ten times past it, control and invisible characters, text that is not NFC, boundary
/// numbers, undefined enum values, dates like 9999-12-31); repeated fields get empty, full and over-full lists; whole
/// bodies are truncated or garbage. Tokens come from <see cref="HostileTokens"/>.
/// </summary>
public static class HostileGen
{
    private const int MaxDepth = 3;

    private static readonly Action<IMessage> LeaveOut = static _ => { };

    /// <summary>Calls of <paramref name="method"/> (request type <paramref name="request"/>).</summary>
    public static Gen<HostileCall> Calls(string method, MessageDescriptor request, InputLimits limits, Gen<(string? Authorization, string Name)> tokens) =>
        Gen.Select(Bodies(request, limits), tokens, (body, token) => new HostileCall(method, body.Bytes, token.Authorization, token.Name, body.Shape));

    private static Gen<(byte[] Bytes, string Shape)> Bodies(MessageDescriptor request, InputLimits limits)
    {
        var messages = Message(request, limits, 0).Select(m => m.ToByteArray());
        return Gen.Frequency(
            (8, messages.Select(bytes => (bytes, "generated"))),
            (1, Gen.Select(messages, Gen.Int[0, 1000], (bytes, cut) => (bytes.Length == 0 ? [0x0A, 0x05] : bytes[..(cut % bytes.Length)], "truncated"))),
            (1, Gen.Byte.Array[1, 64].Select(bytes => (bytes, "garbage"))),
            (1, Gen.OneOf([.. MalformedBodies.ForAnyMessage().Concat(MalformedBodies.ForTextOf(request)).Select(b => (b.Body, b.Case))])));
    }

    private static Gen<IMessage> Message(MessageDescriptor descriptor, InputLimits limits, int depth)
    {
        Gen<List<Action<IMessage>>> setters = Gen.Const(new List<Action<IMessage>>());
        foreach (var field in descriptor.Fields.InFieldNumberOrder())
        {
            if (depth >= MaxDepth && field.FieldType == FieldType.Message)
            {
                continue;
            }

            limits.Declared.TryGetValue(field.FullName, out var limit);
            var value = Field(field, limit, limits, depth);
            setters = Gen.Select(setters, Gen.Frequency((2, Gen.Const(LeaveOut)), (3, value)), (list, set) =>
                ReferenceEquals(set, LeaveOut) ? list : [.. list, set]);
        }

        return setters.Select(list =>
        {
            var message = descriptor.Parser.ParseFrom([]);
            foreach (var set in list)
            {
                set(message);
            }

            return message;
        });
    }

    private static Gen<Action<IMessage>> Field(FieldDescriptor field, FieldLimit? limit, InputLimits limits, int depth)
    {
        if (field.IsMap)
        {
            return Gen.Const<Action<IMessage>>(static _ => { });
        }

        if (field.IsRepeated)
        {
            var max = limit switch
            {
                ItemsLimit items => items.MaxItems,
                DistinctIntegersLimit distinct => distinct.Max - distinct.Min + 1,
                _ => 8,
            };
            var each = limit is ItemsLimit { Each: { } itemLimit } ? itemLimit : limit;
            var item = Single(field, each, limits, depth);

            // Lists long enough to break the count are built from one item, so an over-full list costs little here.
            var counts = Gen.OneOf(Gen.Const(0), Gen.Int[1, 3], Gen.Const(max), Gen.Const(max + 1), Gen.Const(Math.Min(max * 10, 20_000)));
            return Gen.Select(counts, item.Array[1, 3], (count, items) => (Action<IMessage>)(message =>
            {
                var list = (IList)field.Accessor.GetValue(message);
                for (var i = 0; i < count; i++)
                {
                    list.Add(items[i % items.Length]);
                }
            }));
        }

        return Single(field, limit, limits, depth).Select(value => (Action<IMessage>)(message => field.Accessor.SetValue(message, value)));
    }

    private static Gen<object> Single(FieldDescriptor field, FieldLimit? limit, InputLimits limits, int depth) => field.FieldType switch
    {
        FieldType.String => Text(limit).Select(s => (object)s),
        FieldType.Bytes => Gen.OneOf(Gen.Const(0), Gen.Const(1), Gen.Const(((limit as BytesLimit)?.MaxBytes ?? 1024) + 1)).Select(n => (object)ByteString.CopyFrom(new byte[n])),
        FieldType.Bool => Gen.Bool.Select(b => (object)b),
        FieldType.Enum => Gen.OneOf(Gen.Int[0, 3], Gen.Const(-1), Gen.Const(99), Gen.Const(int.MaxValue)).Select(n => (object)n),
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => Numbers(limit).Select(n => (object)(int)Math.Clamp(n, int.MinValue, int.MaxValue)),
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => Numbers(limit).Select(n => (object)n),
        FieldType.UInt32 or FieldType.Fixed32 => Gen.OneOf(Gen.Const(0u), Gen.Const(1u), Gen.Const(uint.MaxValue)).Select(n => (object)n),
        FieldType.UInt64 or FieldType.Fixed64 => Gen.OneOf(Gen.Const(0ul), Gen.Const(ulong.MaxValue)).Select(n => (object)n),
        FieldType.Double => Gen.OneOf(Gen.Const(0d), Gen.Const(double.NaN), Gen.Const(double.MaxValue)).Select(n => (object)n),
        FieldType.Float => Gen.OneOf(Gen.Const(0f), Gen.Const(float.NaN)).Select(n => (object)n),
        FieldType.Message => Message(field.MessageType, limits, depth + 1).Select(m => (object)m),
        _ => Gen.Const<object>(0),
    };

    private static Gen<long> Numbers(FieldLimit? limit)
    {
        var edges = new List<long> { long.MinValue, int.MinValue, -1, 0, 1, 2, 50, 250, 251, int.MaxValue, long.MaxValue };
        if (limit is RangeLimit range)
        {
            edges.AddRange([range.Min - 1, range.Min, range.Max, range.Max + 1]);
        }

        return Gen.OneOf([.. edges.Distinct()]);
    }

    /// <summary>Text: plausible, at and past the limit, and the characters no field should take.</summary>
    private static Gen<string> Text(FieldLimit? limit)
    {
        var max = limit switch
        {
            TextLimit text => text.MaxChars,
            CodeLimit code => code.MaxChars,
            _ => 100,
        };
        var plausible = limit switch
        {
            DateLimit => Gen.OneOf("2026-05-01", "2020-09-30", "2026-12-31"),
            CodeLimit => Gen.OneOf("110000", "open", "2020", "91110000600037341N", "6-18-02-04", "4-12-01-01", "p1.AAAA", "0-0", "national-centre"),
            _ => Gen.OneOf("北京市", "中国汽车维修行业协会", "organisation", "交通运输部职业资格中心", "a"),
        };
        var hostile = Gen.OneOf(
            Gen.Const(string.Empty),
            Gen.Const(" "),
            Gen.Const(new string('字', max)),
            Gen.Const(new string('a', max + 1)),
            Gen.Const(new string('字', Math.Min(max * 10, 60_000))),
            Gen.OneOf("a\0b", "\u0007bell", "esc\u001B[31m", "back\bspace", "line\nbreak", "cr\rlf", "tab\t", "\u202Eevil", "zero\u200Bwidth", "\uFEFFbom", "\uFFFF", "e\u0301", "ＡＢＣ", "😀", "%s%n", "'; DROP TABLE", "../../etc/passwd", "${jndi:ldap://x}"),
            Gen.OneOf("9999-12-31", "0001-01-01", "2020-02-30", "2019-12-31", "2100-01-01", "20260501", "-1"),
            Gen.String[0, 40]);
        return Gen.Frequency((1, plausible), (2, hostile));
    }

    /// <summary>Whether the server must refuse this body before any work (a limit broken, or not protobuf at all).</summary>
    public static bool BreaksALimit(MessageDescriptor request, byte[] body, InputChecker checker)
    {
        IMessage message;
        try
        {
            message = request.Parser.ParseFrom(body);
        }
        catch (InvalidProtocolBufferException)
        {
            return true;
        }

        try
        {
            checker.Check(message);
            return false;
        }
        catch (DomainException)
        {
            return true;
        }
    }
}
