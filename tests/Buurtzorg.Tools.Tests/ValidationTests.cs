namespace Buurtzorg.Tools.Tests;

public sealed class ValidationTests
{
    [Theory]
    [InlineData("Buurtzorg.DemoRegion", "--teams", "--teams -3")]
    [InlineData("Buurtzorg.DemoRegion", "--seed", "--seed many")]
    [InlineData("Buurtzorg.DemoRegion", "--sqlite", "--postgres Host=x --sqlite a.db")]
    [InlineData("Buurtzorg.Benchmarks", "--concurrency", "--postgres Host=x --concurrency 0")]
    [InlineData("Buurtzorg.Benchmarks", "--postgres", "national --teams 5")]
    [InlineData("Buurtzorg.Benchmarks", "--only", "national --postgres Host=x --only everything")]
    [InlineData("Buurtzorg.Benchmarks", "--teams", "division --teams 1.5")]
    [InlineData("Buurtzorg.Benchmarks", "--clients-per-team", "schedule-days --clients-per-team -1")]
    [InlineData("Buurtzorg.Benchmarks", "--seconds", "end-to-end --postgres Host=x --seconds soon")]
    [InlineData("Buurtzorg.Benchmarks", "nationl", "nationl --teams 3")]
    [InlineData("Buurtzorg.PlannerBench", "--plan-seconds-mankowska", "--plan-seconds-mankowska 0")]
    [InlineData("Buurtzorg.PlannerBench", "--only", "--only vrp")]
    [InlineData("Buurtzorg.PlannerBench", "team-dy", "team-dy --days 3")]
    [InlineData("Buurtzorg.PlannerBench", "--bogus", "--bogus")]
    [InlineData("Buurtzorg.PlannerBench", "--days", "team-day --days 0")]
    [InlineData("Buurtzorg.PlannerBench", "--weights", "continuity --weights 1,x")]
    [InlineData("Buurtzorg.PlannerBench", "--hand-moves", "continuity --hand-moves 1.5")]
    [InlineData("Buurtzorg.PlannerBench", "--qualifications", "continuity --qualifications all")]
    [InlineData("Buurtzorg.HubBench", "--rate", "--rate fast")]
    [InlineData("Buurtzorg.HubBench", "--only", "--only both")]
    [InlineData("Buurtzorg.HubBench", "--clients-per-team", "--clients-per-team 0")]
    [InlineData("Buurtzorg.Chaos", "--faults", "--faults kill-all")]
    [InlineData("Buurtzorg.Chaos", "--killed-for", "--killed-for -1")]
    [InlineData("Buurtzorg.Chaos", "--repo", "--short")]
    public async Task A_wrong_value_exits_2_naming_the_option(string tool, string option, string args)
    {
        var (exit, output, error) = await Tools.Run(tool, args.Split(' '));

        Assert.Equal(2, exit);
        Assert.Contains(option, error, StringComparison.Ordinal);
        // stdout is what scripts read: nothing there when the command line is wrong.
        Assert.Equal("", output);
    }

    [Fact]
    public void Numbers_are_read_the_same_on_a_Dutch_machine()
    {
        var culture = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("nl-NL");
        try
        {
            var parsed = Tools.ByName["Buurtzorg.PlannerBench"].Build().Parse(["continuity", "--plan-seconds", "0.5"]);
            Assert.Empty(parsed.Errors);
            Assert.Equal(0.5, parsed.GetValue<double>("--plan-seconds"));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = culture;
        }
    }
}
