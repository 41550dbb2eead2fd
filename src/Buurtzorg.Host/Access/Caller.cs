using System.Security.Claims;
using Buurtzorg.Host.Accounts;

namespace Buurtzorg.Host.Access;

/// <summary>Who is asking: the signed-in account, its role and the nurse or client it is (from the session's claims).</summary>
public sealed record Caller(Guid AccountId, AccountRole Role, Guid? SubjectId)
{
    public const string RoleClaim = "buurtzorg:role";
    public const string SubjectClaim = "buurtzorg:subject";
    public const string SignedInAtClaim = "buurtzorg:signed-in-at";

    /// <summary>The caller of a request or hub call, or null when not signed in.</summary>
    public static Caller? From(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true
            || !Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var account)
            || !Enum.TryParse<AccountRole>(user.FindFirstValue(RoleClaim), out var role))
        {
            return null;
        }

        return new Caller(account, role, Guid.TryParse(user.FindFirstValue(SubjectClaim), out var subject) ? subject : null);
    }
}
