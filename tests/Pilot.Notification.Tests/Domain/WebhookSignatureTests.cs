using Microsoft.AspNetCore.Http;
using Pilot.Notification.Domain.Webhooks;
using StandardWebhooks;

namespace Pilot.Notification.Tests.Domain;

/// <summary>The signature is checked with a Standard Webhooks library, as a receiver would check it.</summary>
public sealed class WebhookSignatureTests
{
    [Fact]
    public void A_signature_verifies_with_a_standard_webhooks_library()
    {
        var secret = WebhookSignature.NewSecret();
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        const string body = """{"type":"pilot.notification.message.v1","data":{"subject":"【备案通过】"}}""";

        var headers = Headers("msg_1", timestamp, WebhookSignature.Header([secret], "msg_1", timestamp, body));

        new StandardWebhook(secret).Verify(body, headers);
    }

    [Fact]
    public void A_changed_body_or_another_secret_fails_verification()
    {
        var secret = WebhookSignature.NewSecret();
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var headers = Headers("msg_1", timestamp, WebhookSignature.Header([secret], "msg_1", timestamp, "{\"a\":1}"));

        Assert.ThrowsAny<Exception>(() => new StandardWebhook(secret).Verify("{\"a\":2}", headers));
        Assert.ThrowsAny<Exception>(() => new StandardWebhook(WebhookSignature.NewSecret()).Verify("{\"a\":1}", headers));
    }

    [Fact]
    public void While_a_rotation_overlaps_the_new_secret_signs_first_and_the_old_one_still_verifies_its_own_signature()
    {
        var (previous, current) = (WebhookSignature.NewSecret(), WebhookSignature.NewSecret());
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = WebhookSignature.Header([current, previous], "msg_2", timestamp, "{}");
        var signatures = header.Split(' ');

        // The library checks the first signature only; spec-conformant receivers try each, so one still holding the
        // previous secret verifies the second.
        Assert.Equal(2, signatures.Length);
        new StandardWebhook(current).Verify("{}", Headers("msg_2", timestamp, header));
        new StandardWebhook(previous).Verify("{}", Headers("msg_2", timestamp, signatures[1]));
        Assert.ThrowsAny<Exception>(() => new StandardWebhook(previous).Verify("{}", Headers("msg_2", timestamp, signatures[0])));
    }

    [Fact]
    public void The_signature_is_hmac_sha256_over_id_timestamp_and_body_with_the_secrets_bytes()
    {
        // The spec's own example: secret, id, timestamp and body from standard-webhooks.md.
        var signature = WebhookSignature.Sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, """{"test": 2432232314}""");

        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    private static HeaderDictionary Headers(string id, long timestamp, string signature) => new()
    {
        ["webhook-id"] = id,
        ["webhook-timestamp"] = timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["webhook-signature"] = signature,
    };
}
