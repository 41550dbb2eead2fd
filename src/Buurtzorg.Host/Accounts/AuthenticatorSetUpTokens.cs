using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace Buurtzorg.Host.Accounts;

/// <summary>
/// The set-up token: proof, for a few minutes, that the caller just gave an account's password
/// (a first sign-in of a nurse or central staff member without an authenticator) or holds its
/// session, and, once a key is offered, which key. It is bound to the account's security stamp,
/// which changes when the authenticator is confirmed (and at every sign-out), so it works once.
/// Protected with the same keys as the session cookie, so any host of a cluster reads it.
/// </summary>
public sealed class AuthenticatorSetUpTokens(IDataProtectionProvider protection, UserManager<Account> users)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector("Buurtzorg.Accounts.AuthenticatorSetUp").ToTimeLimitedDataProtector();

    private sealed record Payload(Guid Account, string Stamp, string? Key);

    public async Task<string> Issue(Account user, string? key = null) =>
        _protector.Protect(JsonSerializer.Serialize(new Payload(user.Id, await users.GetSecurityStampAsync(user), key)), Lifetime);

    /// <summary>The account and offered key of a token still valid, or null.</summary>
    public async Task<(Account User, string? Key)?> Read(string token)
    {
        Payload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<Payload>(_protector.Unprotect(token));
        }
        catch (Exception e) when (e is CryptographicException or FormatException or JsonException)
        {
            return null;
        }

        if (payload is null || await users.FindByIdAsync(payload.Account.ToString()) is not { } user)
        {
            return null;
        }

        var stamp = await users.GetSecurityStampAsync(user);
        return CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(stamp), System.Text.Encoding.UTF8.GetBytes(payload.Stamp))
            ? (user, payload.Key)
            : null;
    }
}
