using System.CommandLine;

namespace Buurtzorg.Tools.Tests;

public sealed class HelpTests
{
    public static TheoryData<string, string> Commands() => Tools.Commands();

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Help_exits_0_and_describes_every_option(string tool, string command)
    {
        var (exit, output, error) = await Tools.Run(tool, [.. command.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"]);

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        var root = Tools.ByName[tool].Build();
        Command shown = command == "" ? root : root.Subcommands.Single(c => c.Name == command);
        Assert.False(string.IsNullOrWhiteSpace(shown.Description));
        foreach (var option in shown.Options.Where(o => o.Name is not ("--help" or "--version")))
        {
            Assert.False(string.IsNullOrWhiteSpace(option.Description), $"{option.Name} has no description");
            Assert.Contains(option.Name, output, StringComparison.Ordinal);
            Assert.Contains(option.Description!.Split('[')[0].Trim()[..20], output, StringComparison.Ordinal);
        }

        foreach (var subcommand in shown.Subcommands)
        {
            Assert.Contains(subcommand.Name, output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Buurtzorg.DemoRegion", "--teams", "30")]
    [InlineData("Buurtzorg.PlannerBench", "--plan-seconds-solomon", "10")]
    [InlineData("Buurtzorg.HubBench", "--connections", "10000")]
    public async Task Help_shows_defaults(string tool, string option, string fallback)
    {
        var (_, output, _) = await Tools.Run(tool, "--help");

        var line = output.Split('\n').Single(l => l.TrimStart().StartsWith(option + " ", StringComparison.Ordinal));
        Assert.Contains($"[default: {fallback}]", line, StringComparison.Ordinal);
    }
}
