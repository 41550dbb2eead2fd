namespace Buurtzorg.Host.Demo;

/// <summary>
/// What <c>--demo</c> prints about its accounts. Outside Development it says first that they are
/// public: the password and keys are in the source, so anyone who reaches the host can sign in.
/// </summary>
public static class DemoAccountsNotice
{
    public const string PublicWarning =
        "WARNING: THESE DEMO ACCOUNTS ARE PUBLIC. Their password and authenticator keys are printed here and written in the source: " +
        "anyone who reaches this host can sign in with them. --demo is for trying the system, never for a host with real client data.";

    public static void Write(TextWriter output, IHostEnvironment environment, IEnumerable<DemoAccounts.DemoAccount> accounts)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(accounts);
        if (!environment.IsDevelopment())
        {
            output.WriteLine(PublicWarning);
        }

        output.WriteLine($"DEMO ACCOUNTS (password '{DemoAccounts.Password}'; add the key to an authenticator app for the code):");
        foreach (var account in accounts)
        {
            output.WriteLine($"  {account.UserName,-20} {account.Role,-8} {account.Who}{(account.AuthenticatorKey is { } key ? $"; authenticator key {key}" : "")}");
        }
    }
}
