using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace WorkforceGraph.Api.Security;

/// <summary>
/// <c>Auth:SigningKey</c>, <c>Auth:Issuer</c>, <c>Auth:Audience</c> (contracts.md). The key is HMAC-SHA256, at least
/// 32 bytes, base64. Development generates one under <c>data/</c> when none is configured and keeps it there, so
/// that tokens minted by the <c>token</c> command stay valid across restarts; other environments refuse to start
/// without one.
/// </summary>
internal sealed record AuthSettings(byte[] SigningKey, string Issuer, string Audience)
{
    public const string DefaultIssuer = "workforcegraph";
    public const string DevelopmentKeyFile = "data/development-signing-key";
    public const int MinimumKeyBytes = 32;

    public SymmetricSecurityKey SecurityKey => new(SigningKey) { KeyId = "workforcegraph" };

    public static AuthSettings Read(IConfiguration configuration, bool isDevelopment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var issuer = Setting(configuration, "Auth:Issuer");
        var audience = Setting(configuration, "Auth:Audience");
        var text = configuration["Auth:SigningKey"];
        byte[] key;
        if (!string.IsNullOrWhiteSpace(text))
        {
            key = Decode(text, "Auth:SigningKey");
        }
        else if (isDevelopment)
        {
            key = DevelopmentKey();
        }
        else
        {
            throw new InvalidOperationException(
                "Auth:SigningKey is not set. Outside Development WorkforceGraph needs an HMAC key of at least 32 bytes, base64 " +
                "(e.g. `openssl rand -base64 48`), in configuration or the environment variable Auth__SigningKey.");
        }

        return new AuthSettings(key, issuer, audience);
    }

    private static string Setting(IConfiguration configuration, string key) =>
        configuration[key] is { Length: > 0 } value ? value : DefaultIssuer;

    private static byte[] Decode(string text, string source)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(text.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{source} is not base64.");
        }

        return key.Length >= MinimumKeyBytes
            ? key
            : throw new InvalidOperationException($"{source} has {key.Length} bytes; at least {MinimumKeyBytes} are required.");
    }

    private static byte[] DevelopmentKey()
    {
        var path = Path.GetFullPath(DevelopmentKeyFile);
        if (File.Exists(path))
        {
            return Decode(File.ReadAllText(path), path);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(48);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var writer = new StreamWriter(path, System.Text.Encoding.ASCII, options);
            writer.Write(Convert.ToBase64String(key));
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: use theirs.
            return Decode(File.ReadAllText(path), path);
        }

        return key;
    }
}
