using System.CommandLine;
using Buurtzorg.Benchmarks;
using Buurtzorg.Chaos;
using Buurtzorg.DemoRegion;
using Buurtzorg.HubBench;
using Buurtzorg.PlannerBench;

namespace Buurtzorg.Tools.Tests;

/// <summary>Each tool's command line by the name the documents call it.</summary>
internal static class Tools
{
    public static readonly IReadOnlyDictionary<string, (Func<RootCommand> Build, Func<string[], TextWriter, TextWriter, Task<int>> Run)> ByName =
        new Dictionary<string, (Func<RootCommand>, Func<string[], TextWriter, TextWriter, Task<int>>)>(StringComparer.Ordinal)
        {
            ["Buurtzorg.DemoRegion"] = (DemoRegionCommand.Build, DemoRegionCommand.Run),
            ["Buurtzorg.Benchmarks"] = (BenchmarksCommand.Build, BenchmarksCommand.Run),
            ["Buurtzorg.PlannerBench"] = (PlannerBenchCommand.Build, PlannerBenchCommand.Run),
            ["Buurtzorg.HubBench"] = (HubBenchCommand.Build, HubBenchCommand.Run),
            ["Buurtzorg.Chaos"] = (ChaosCommand.Build, ChaosCommand.Run),
        };

    /// <summary>Every command of every tool, as the arguments that reach it ("national" for Benchmarks national).</summary>
    public static TheoryData<string, string> Commands()
    {
        var data = new TheoryData<string, string>();
        foreach (var (name, tool) in ByName)
        {
            data.Add(name, "");
            foreach (var command in tool.Build().Subcommands)
            {
                data.Add(name, command.Name);
            }
        }

        return data;
    }

    public static async Task<(int Exit, string Output, string Error)> Run(string tool, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await ByName[tool].Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
