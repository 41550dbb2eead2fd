namespace Buurtzorg.Host.Accounts;

/// <summary>Who signs in. Nurses and central staff must use a second factor; clients and family may.</summary>
public enum AccountRole
{
    Nurse,
    Client,
    Family,
    Central,

    /// <summary>Runs the hosts: health, telemetry and the Orleans dashboard; no client, no team.</summary>
    Operations,
}

/// <summary>
/// A sign-in account, as ASP.NET Core Identity handles it (mutable, by design of its stores).
/// <see cref="SubjectId"/> is the nurse or client the account belongs to; family members reach
/// clients through the links of <see cref="AccountStore"/>, and central staff reach no one.
/// </summary>
public sealed class Account
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public string UserName { get; set; } = "";

    public string NormalizedUserName { get; set; } = "";

    public AccountRole Role { get; set; }

    public Guid? SubjectId { get; set; }

    public string DisplayName { get; set; } = "";

    public string? PasswordHash { get; set; }

    public string? SecurityStamp { get; set; }

    public string? ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString();

    public DateTimeOffset? LockoutEnd { get; set; }

    public bool LockoutEnabled { get; set; } = true;

    public int AccessFailedCount { get; set; }

    public bool TwoFactorEnabled { get; set; }

    public string? AuthenticatorKey { get; set; }

    public string? RecoveryCodes { get; set; }

    /// <summary>Nurses, central staff and operators see health data, the whole region or the cluster: a password alone is not enough.</summary>
    public bool RequiresTwoFactor => Role is AccountRole.Nurse or AccountRole.Central or AccountRole.Operations;
}
