using System.Text.RegularExpressions;

namespace Buurtzorg.Chaos.Http;

/// <summary>A demo account as the <c>--demo</c> host prints it at start: its name, password and authenticator key (none for clients).</summary>
public sealed partial record DemoAccount(string UserName, string Password, string? AuthenticatorKey)
{
    public const string Nurse = "wijkverpleegkundige";
    public const string Colleague = "collega";
    public const string Client = "client";

    /// <summary>Read from what the host wrote, as a person trying the demo reads it off the screen.</summary>
    public static IReadOnlyDictionary<string, DemoAccount> FromHostOutput(string output)
    {
        var password = PasswordLine().Match(output) is { Success: true } line
            ? line.Groups["password"].Value
            : throw new InvalidOperationException("The --demo host printed no demo accounts.");
        return AccountLine().Matches(output).ToDictionary(
            m => m.Groups["name"].Value,
            m => new DemoAccount(m.Groups["name"].Value, password, m.Groups["key"].Success ? m.Groups["key"].Value : null));
    }

    [GeneratedRegex(@"DEMO ACCOUNTS \(password '(?<password>[^']+)'")]
    private static partial Regex PasswordLine();

    [GeneratedRegex(@"^  (?<name>\S+)\s+(?:Nurse|Client|Family|Central)\s+[^\n]*?(?:authenticator key (?<key>[A-Z2-7]+))?\s*$", RegexOptions.Multiline)]
    private static partial Regex AccountLine();
}
