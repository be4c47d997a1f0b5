using System.Net;
using Pilot.Notification.Domain.Deliveries;
using Pilot.Notification.Domain.Webhooks;
using Pilot.SharedKernel;

namespace Pilot.Notification.Tests.Domain;

public sealed class DeliveryRulesTests
{
    private static readonly DateTimeOffset Now = new(2020, 10, 13, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Retries_wait_twice_as_long_each_time_up_to_the_cap_with_at_most_a_quarter_more_as_jitter()
    {
        var schedule = new RetrySchedule(6, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(3));

        Assert.Equal(TimeSpan.FromSeconds(30), schedule.DelayAfter(1, 0));
        Assert.Equal(TimeSpan.FromSeconds(60), schedule.DelayAfter(2, 0));
        Assert.Equal(TimeSpan.FromSeconds(120), schedule.DelayAfter(3, 0));
        Assert.Equal(TimeSpan.FromMinutes(3), schedule.DelayAfter(4, 0));
        Assert.Equal(TimeSpan.FromMinutes(3), schedule.DelayAfter(30, 0));
        Assert.InRange(schedule.DelayAfter(2, 0.999), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(75));
        Assert.False(schedule.IsLast(5));
        Assert.True(schedule.IsLast(6));
    }

    [Fact]
    public void A_delivery_records_every_attempt_and_does_not_move_once_finished()
    {
        var created = Delivery.Create("m", "org:a", Channel.Webhook, "https://example.org/h", Now);
        var failed = created.Sending(Now).FailedTemporarily(Now, Now.AddSeconds(1), "answered 503", Now.AddSeconds(31));
        var delivered = failed.Sending(Now.AddSeconds(31)).Delivered(Now.AddSeconds(31), Now.AddSeconds(32), "answered 204");

        Assert.Equal(DeliveryStatus.TemporaryFailure, failed.Status);
        Assert.Equal("answered 503", failed.Reason);
        Assert.Equal([DeliveryStatus.TemporaryFailure, DeliveryStatus.Delivered], delivered.Attempts.Select(a => a.Outcome));
        Assert.Equal([1, 2], delivered.Attempts.Select(a => a.Number));
        Assert.Throws<InvalidOperationException>(() => delivered.Sending(Now));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("::1")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")] // cloud metadata
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("fe80::1")]
    [InlineData("fd00::1")]
    [InlineData("::ffff:10.0.0.1")] // IPv4-mapped
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("224.0.0.1")]
    public void Loopback_link_local_private_and_special_addresses_are_forbidden(string address)
    {
        Assert.True(AddressPolicy.IsForbidden(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2001:4860:4860::8888")]
    [InlineData("114.114.114.114")]
    public void Public_addresses_are_allowed(string address)
    {
        Assert.False(AddressPolicy.IsForbidden(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("http://example.org/hook", false)]
    [InlineData("ftp://example.org/hook", true)]
    [InlineData("https://user:pw@example.org/hook", false)]
    [InlineData("/relative", false)]
    [InlineData("", false)]
    public void A_webhook_url_must_be_an_absolute_https_url_without_credentials(string url, bool allowPlainHttp)
    {
        var error = Assert.Throws<DomainException>(() => WebhookRegistration.CheckedUrl(url, allowPlainHttp));
        Assert.Equal("url", error.Violations.Single().Field);
    }

    [Fact]
    public void Plain_http_is_accepted_only_where_configuration_allows_it()
    {
        Assert.Equal("http://localhost:5300/hook", WebhookRegistration.CheckedUrl("http://localhost:5300/hook", allowPlainHttp: true));
    }

    [Fact]
    public void A_rotated_secret_signs_beside_the_new_one_until_the_overlap_ends()
    {
        var registration = WebhookRegistration.Register("org:a", "https://example.org/h", false, "whsec_b2xk", Now);

        var rotated = registration.Rotate("whsec_bmV3", Now, TimeSpan.FromHours(24));

        Assert.Equal(["whsec_bmV3", "whsec_b2xk"], rotated.SigningSecrets(Now.AddHours(23)));
        Assert.Equal(["whsec_bmV3"], rotated.SigningSecrets(Now.AddHours(24)));
    }
}
