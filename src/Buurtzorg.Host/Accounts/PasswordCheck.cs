using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Buurtzorg.Host.Accounts;

/// <summary>
/// Finds the account a password is tried on so that a name that does not exist costs the same
/// as one that does: the password is hashed against a stand-in hash, so the answer neither comes
/// sooner nor differs.
/// </summary>
public sealed class PasswordCheck(UserManager<Account> users, IPasswordHasher<Account> hasher)
{
    private static readonly Account StandIn = new() { UserName = "stand-in" };
    private static string? _standInHash;

    /// <summary>The account by name, or null after the same work a real account's check takes.</summary>
    public async Task<Account?> Find(string userName, string password)
    {
        var user = await users.FindByNameAsync(userName);
        if (user?.PasswordHash is null)
        {
            _standInHash ??= hasher.HashPassword(StandIn, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));
            hasher.VerifyHashedPassword(StandIn, _standInHash, password);
            return null;
        }

        return user;
    }

    /// <summary>Whether the password is the account's; one hash, like <see cref="Find"/> for a name that does not exist.</summary>
    public Task<bool> Matches(Account user, string password) => users.CheckPasswordAsync(user, password);
}
