using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Buurtzorg.Host.Accounts;

/// <summary>
/// Authenticator-app codes (RFC 6238: HMAC-SHA1 over 30-second steps, six digits), accepted two
/// steps either side of now for clocks that drift, as Identity's own provider does; unlike it,
/// a code counts once: the account remembers the last step it accepted and refuses that step
/// and every earlier one, so a code seen over a shoulder or in a log cannot sign in again.
/// </summary>
public sealed class OneTimeAuthenticatorCodes(AccountStore store, TimeProvider clock) : IUserTwoFactorTokenProvider<Account>
{
    private const int Step = 30;
    private const int Drift = 2;

    public Task<string> GenerateAsync(string purpose, UserManager<Account> manager, Account user) =>
        // The app makes the codes; there is nothing to send.
        Task.FromResult(string.Empty);

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<Account> manager, Account user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<Account> manager, Account user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || token is not { Length: 6 } || !token.All(char.IsAsciiDigit) || Base32(key) is not { } secret)
        {
            return false;
        }

        var now = clock.GetUtcNow().ToUnixTimeSeconds() / Step;
        for (var step = now - Drift; step <= now + Drift; step++)
        {
            if (CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(Code(secret, step)), System.Text.Encoding.ASCII.GetBytes(token)))
            {
                // One conditional update: of two sign-ins racing with one code, one wins.
                return await store.TryUseAuthenticatorStep(user.Id, step);
            }
        }

        return false;
    }

    public static string Code(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
        HMACSHA1.HashData(secret, counter, hash);
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>The key as Identity writes it (RFC 4648 base32, any case, spaces allowed); null if it is not base32.</summary>
    public static byte[]? Base32(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        var (bits, value) = (0, 0);
        foreach (var c in text.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant())
        {
            var index = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (index < 0)
            {
                return null;
            }

            value = ((value << 5) | index) & 0xffff;
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(value >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }
}
