using Buurtzorg.Host.Demo;
using Buurtzorg.Host.Tests.Infrastructure;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Buurtzorg.Host.Tests.Security;

/// <summary>--demo prints accounts anyone can use; outside Development it says so first.</summary>
public sealed class DemoAccountsPrintingTests
{
    [Fact]
    public async Task A_production_host_started_with_demo_warns_that_the_printed_accounts_are_public()
    {
        using var file = new TempSqliteFile();
        var console = new StringWriter();
        var before = Console.Out;
        Console.SetOut(TextWriter.Synchronized(console));
        try
        {
            await using var host = await TestHost.StartSecureOnSqlite(file.Path, BuurtzorgApp.DemoFlag, "--environment", "Production");
        }
        finally
        {
            Console.SetOut(before);
        }

        var printed = console.ToString();
        var warning = printed.IndexOf(DemoAccountsNotice.PublicWarning, StringComparison.Ordinal);
        Assert.True(warning >= 0, "no warning on the console");
        Assert.True(warning < printed.IndexOf(DemoAccounts.Password, StringComparison.Ordinal), "the password came before the warning");
    }

    [Theory]
    [InlineData("Production", true)]
    [InlineData("Staging", true)]
    [InlineData("Development", false)]
    public void Demo_accounts_are_printed_without_a_warning_only_in_development(string environment, bool warned)
    {
        var output = new StringWriter();

        DemoAccountsNotice.Write(output, new Environment(environment), [new("wijkverpleegkundige", Accounts.AccountRole.Nurse, "Anne", "KEY")]);

        Assert.Equal(warned, output.ToString().Contains(DemoAccountsNotice.PublicWarning, StringComparison.Ordinal));
        Assert.Contains("wijkverpleegkundige", output.ToString(), StringComparison.Ordinal);
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "Buurtzorg.Host";

        public string ContentRootPath { get; set; } = "";

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
