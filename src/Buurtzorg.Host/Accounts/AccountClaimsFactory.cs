using System.Globalization;
using System.Security.Claims;
using Buurtzorg.Host.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Buurtzorg.Host.Accounts;

/// <summary>The session carries the account's role and whom it is; rights themselves are read live by the access policy.</summary>
public sealed class AccountClaimsFactory(UserManager<Account> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<Account>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Account user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(Caller.RoleClaim, user.Role.ToString()));
        if (user.SubjectId is { } subject)
        {
            identity.AddClaim(new Claim(Caller.SubjectClaim, subject.ToString("D", CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}
