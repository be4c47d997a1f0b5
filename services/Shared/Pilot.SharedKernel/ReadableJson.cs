using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Pilot.SharedKernel;

/// <summary>
/// The text encoder of every JSON Pilot stores or publishes. System.Text.Json's default escapes each non-ASCII
/// character as <c>\uXXXX</c>: a branch's name, a filing number such as 京人社备〔2026〕12号 or a rejection reason became
/// unreadable to an operator looking into Redis or at an event, and took six bytes a character instead of three.
/// Characters that are unsafe in HTML (&lt;, &gt;, &amp;, quotes, +, `) are still escaped, so the text stays safe
/// wherever a consumer pastes it, and so are characters beyond the Basic Multilingual Plane (rare CJK extension
/// characters such as 𠮷, written as a surrogate pair), which System.Text.Json always escapes.
/// </summary>
public static class ReadableJson
{
    public static JavaScriptEncoder Encoder { get; } = JavaScriptEncoder.Create(UnicodeRanges.All);
}
