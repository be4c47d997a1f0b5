using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Pilot.Notification.Domain.Deliveries;
using Pilot.Notification.Domain.Messages;

namespace Pilot.Notification.Channels;

/// <summary>
/// Mails a message to the recipient's addresses through the configured SMTP relay. The Message-Id is derived from the
/// message id, so a mail sent again after a lost lease is recognisably the same mail.
/// </summary>
internal sealed class EmailSender(IOptions<NotificationOptions> options) : IChannelSender
{
    public Channel Channel => Channel.Email;

    public async Task<SendOutcome> SendAsync(InboxMessage message, Delivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(delivery);
        var settings = options.Value.Email;
        if (!settings.Enabled)
        {
            return SendOutcome.Permanent("no SMTP relay is configured");
        }

        var mail = new MimeMessage();
        mail.From.Add(new MailboxAddress(settings.FromName, settings.From));
        foreach (var address in delivery.Destination.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!MailboxAddress.TryParse(address, out var mailbox))
            {
                return SendOutcome.Permanent($"'{address}' is not an e-mail address");
            }

            mail.To.Add(mailbox);
        }

        mail.MessageId = $"{message.MessageId}@{Domain(settings.From)}";
        mail.Subject = message.Subject;
        mail.Headers.Add("X-Pilot-Event-Type", message.EventType);
        mail.Body = new TextPart("plain") { Text = message.Body };

        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(settings.Host!, settings.Port, Enum.Parse<SecureSocketOptions>(settings.Security, ignoreCase: true), cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken).ConfigureAwait(false);
            }

            var answer = await client.SendAsync(mail, cancellationToken).ConfigureAwait(false);
            await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
            return SendOutcome.Delivered($"accepted by {settings.Host}: {answer}");
        }
        catch (SmtpCommandException error) when ((int)error.StatusCode >= 500)
        {
            return SendOutcome.Permanent($"{settings.Host} refused the mail: {(int)error.StatusCode} {error.Message}");
        }
        catch (Exception error) when (error is SmtpCommandException or SmtpProtocolException or IOException or System.Net.Sockets.SocketException or AuthenticationException or ServiceNotConnectedException or TimeoutException)
        {
            return SendOutcome.Temporary($"{settings.Host}:{settings.Port} could not take the mail: {error.Message}");
        }
    }

    private static string Domain(string address) => address.Contains('@', StringComparison.Ordinal) ? address[(address.IndexOf('@', StringComparison.Ordinal) + 1)..] : "pilot.local";
}
