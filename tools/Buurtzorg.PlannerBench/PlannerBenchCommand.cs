using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Buurtzorg.PlannerBench.Continuity;
using Buurtzorg.Tools;

namespace Buurtzorg.PlannerBench;

/// <summary>
/// The planner bench's command line: the published instances (the root command), team-day and
/// continuity. <see cref="Build"/> is what the tests parse.
/// </summary>
public static class PlannerBenchCommand
{
    private static readonly string[] Commands = ["team-day", "continuity"];

    public static Task<int> Run(string[] args, TextWriter? output = null, TextWriter? error = null) =>
        ToolCommandLine.Run(Build(), args, output, error);

    public static RootCommand Build()
    {
        var solomonSeconds = ToolOptions.PlanSeconds("--plan-seconds-solomon", 10, "The planner's time limit per Solomon instance, in seconds.");
        var mankowskaSeconds = ToolOptions.PlanSeconds("--plan-seconds-mankowska", 60, "The planner's time limit per Mankowska instance, in seconds.");
        var only = ToolOptions.Only("Run one family of instances only.", "solomon", "mankowska");
        var baseline = new Option<bool>("--baseline") { Description = "Also run the plain OR-Tools model on the Solomon instances, beside the planner." };
        var files = new Argument<string[]>("files")
        {
            Description = "Instance files (Solomon .txt, Mankowska .json). Without any: every instance in ../shared/data where present, else the copy the planner's tests carry.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        files.Validators.Add(CheckFiles);

        var root = new RootCommand(
            "The round planner on published benchmark instances, every plan verified by the independent checker. " +
            "Prints Markdown tables on stdout and progress on stderr; exits 1 when a plan broke a rule or a run failed.")
        {
            solomonSeconds, mankowskaSeconds, only, baseline, files, TeamDay(), Continuity(),
        };
        root.SetAction(result => Bench.Run(new BenchOptions(
            result.GetValue(solomonSeconds), result.GetValue(mankowskaSeconds), result.GetValue(only), result.GetValue(baseline), result.GetValue(files) ?? [])));
        return root;
    }

    private static Command TeamDay()
    {
        var visits = ToolOptions.Whole("--visits", 50, "Visits in each generated team day.", 1, 2_000);
        var nurses = ToolOptions.Whole("--nurses", 6, "Nurses in each generated team day.", 1, 200);
        var days = ToolOptions.Days(20, "Team days to generate (seeds 1 to n).", max: 10_000);
        var planSeconds = ToolOptions.PlanSeconds("--plan-seconds", 1, "The planner's time limit per team day, in seconds.");
        var command = new Command("team-day", "Times the first feasible plan of generated team days shaped like the demo region's.")
        {
            visits, nurses, days, planSeconds,
        };
        command.SetAction(result => TeamDayBench.Run(new TeamDayOptions(
            result.GetValue(visits), result.GetValue(nurses), result.GetValue(days), result.GetValue(planSeconds))));
        return command;
    }

    private static Command Continuity()
    {
        var teams = ToolOptions.Teams(20, "Teams in the simulated region.");
        // A year is far beyond the four weeks the metrics are meant for, but nothing breaks there.
        var days = ToolOptions.Days(28, "Days simulated, each planned from the days before.");
        var planSeconds = ToolOptions.PlanSeconds("--plan-seconds", 0.5, "The planner's time limit per team day, in seconds.");
        var weights = new Option<IReadOnlyList<double>>("--weights")
        {
            Description = "Continuity weights to compare, separated by commas; the regular-carer rule always runs beside them.",
            HelpName = "w,w,...",
            DefaultValueFactory = _ => [0, 2, 5, 10, 20, 40],
            CustomParser = ParseWeights,
        };
        var seed = ToolOptions.Seed(1, "Seed of the region and its disturbances.");
        var threads = ToolOptions.Whole("--threads", 2, "Teams planned at once (each on one thread).", 1, 256);
        var qualifications = new Option<string>("--qualifications")
        {
            Description = "How nurses' qualifications are drawn: region (every nurse gives medication and dresses wounds, as the demo region) or team-day (basic care and one to three specialisms, as team-day).",
            HelpName = "region|team-day",
            DefaultValueFactory = _ => "region",
        };
        qualifications.Validators.Add(ToolOptions.OneOf("--qualifications", "region", "team-day"));
        var handMoves = ToolOptions.Number("--hand-moves", 0.2, "Share of each day's visits the team moves by hand after planning, from 0 to 1.", 0, 1);
        var command = new Command("continuity", "Simulates weeks of a region's teams (illness, clients coming and going, a nurse leaving) and compares how many nurses each client sees under each continuity weight and a regular-carer rule.")
        {
            teams, days, planSeconds, weights, seed, threads, qualifications, handMoves,
        };
        command.SetAction(result => ContinuitySimulation.Run(new ContinuityOptions(
            result.GetValue(teams), result.GetValue(days), result.GetValue(planSeconds), result.GetValue(weights) ?? [],
            result.GetValue(seed), result.GetValue(threads),
            result.GetValue(qualifications) == "team-day" ? QualificationMix.TeamDay : QualificationMix.Region, result.GetValue(handMoves))));
        return command;
    }

    private static void CheckFiles(ArgumentResult result)
    {
        foreach (var token in result.Tokens)
        {
            var text = token.Value;
            if (text.StartsWith('-'))
            {
                result.AddError($"Unknown option '{text}'.");
            }
            else if (!File.Exists(text))
            {
                // A mistyped command lands here too: name both readings.
                result.AddError($"'{text}' is neither a command ({string.Join(", ", Commands)}) nor an instance file.");
            }
        }
    }

    private static IReadOnlyList<double> ParseWeights(ArgumentResult result)
    {
        var text = result.Tokens[0].Value;
        var weights = new List<double>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) || weight < 0 || !double.IsFinite(weight))
            {
                return Error(result, $"--weights takes non-negative numbers separated by commas, not '{text}'", weights);
            }

            if (weights.Contains(weight))
            {
                return Error(result, $"--weights names {part} twice", weights);
            }

            weights.Add(weight);
        }

        return weights;
    }

    private static T Error<T>(ArgumentResult result, string message, T fallback)
    {
        result.AddError(message);
        return fallback;
    }
}
