using Microsoft.AspNetCore.Identity;

namespace Buurtzorg.Host.Accounts;

/// <summary>Opens accounts: for a nurse or client (their own record), a family member (linked to entries in clients' networks) or central staff.</summary>
public sealed class AccountDirectory(UserManager<Account> users, AccountStore store)
{
    /// <summary>
    /// A new account. With <paramref name="authenticatorKey"/> its second factor is set up at once
    /// (the demo does this, so its accounts can be tried with a known key); otherwise a nurse or
    /// central staff member sets one up at first sign-in.
    /// </summary>
    public async Task<Account> Open(string userName, string password, AccountRole role, string displayName, Guid? subjectId = null, string? authenticatorKey = null)
    {
        var account = new Account { UserName = userName, Role = role, DisplayName = displayName, SubjectId = subjectId };
        Check(await users.CreateAsync(account, password));
        if (authenticatorKey is not null)
        {
            account.AuthenticatorKey = authenticatorKey;
            account.TwoFactorEnabled = true;
            Check(await users.UpdateAsync(account));
        }

        return account;
    }

    /// <summary>Links an account to the entry it is in a client's network; the client decides what that entry may see.</summary>
    public Task Link(Account account, Guid clientId, Guid memberId) => store.Link(account.Id, clientId, memberId);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The account could not be opened: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
