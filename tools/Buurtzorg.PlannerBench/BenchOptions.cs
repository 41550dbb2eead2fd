using System.Globalization;

namespace Buurtzorg.PlannerBench;

/// <summary>The command line: time limits per family, which family, whether to run the plain OR-Tools model beside the planner, and the instance files.</summary>
public sealed record BenchOptions(double SolomonSeconds, double MankowskaSeconds, string? Only, bool Baseline, IReadOnlyList<string> Files)
{
    public const string Usage =
        "usage: Buurtzorg.PlannerBench [--seconds-solomon 10] [--seconds-mankowska 60] [--only solomon|mankowska] [--baseline] [instance files...]";

    public static BenchOptions Parse(string[] args)
    {
        double solomon = 10, mankowska = 60;
        string? only = null;
        var baseline = false;
        var files = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            double Seconds()
            {
                var option = args[i];
                var text = Value();
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
                    ? seconds
                    : throw new ArgumentException($"{option} takes a positive number of seconds, not '{text}'");
            }

            switch (args[i])
            {
                case "--seconds-solomon":
                    solomon = Seconds();
                    break;
                case "--seconds-mankowska":
                    mankowska = Seconds();
                    break;
                case "--only":
                    only = Value().ToLowerInvariant();
                    if (only is not ("solomon" or "mankowska"))
                    {
                        throw new ArgumentException($"--only takes solomon or mankowska, not '{only}'");
                    }

                    break;
                case "--baseline":
                    baseline = true;
                    break;
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    throw new ArgumentException($"unknown option {option}");
                default:
                    files.Add(args[i]);
                    break;
            }
        }

        return new BenchOptions(solomon, mankowska, only, baseline, files);
    }
}
