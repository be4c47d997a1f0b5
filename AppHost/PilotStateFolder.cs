using System.Security.Cryptography;

namespace Pilot.AppHost;

/// <summary>
/// The folder where a local run keeps what must survive a restart: Redis data, uploaded files and
/// the token signing key. Default <c>.state/</c> at the repository root; set
/// <c>Pilot:StateDirectory</c> to move it (tests use a throw-away folder).
/// </summary>
internal sealed class PilotStateFolder
{
    private PilotStateFolder(string root) => Root = root;

    public string Root { get; }

    public string RedisData => Path.Combine(Root, "redis");

    public string Blobs => Path.Combine(Root, "blobs");

    public string SigningKeyFile => Path.Combine(Root, "signing-key");

    public static PilotStateFolder Resolve(IDistributedApplicationBuilder builder)
    {
        var configured = builder.Configuration["Pilot:StateDirectory"];
        var root = string.IsNullOrWhiteSpace(configured)
            ? Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", ".state"))
            : Path.GetFullPath(configured);
        Directory.CreateDirectory(root);
        var folder = new PilotStateFolder(root);
        folder.EnsureSigningKey();
        return folder;
    }

    // One key per state folder, so tokens minted by Pilot.Cli stay valid across restarts.
    private void EnsureSigningKey()
    {
        if (File.Exists(SigningKeyFile))
        {
            return;
        }

        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        File.WriteAllText(SigningKeyFile, key);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(SigningKeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
