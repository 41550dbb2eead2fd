using System.Globalization;

namespace Buurtzorg.PlannerBench.Continuity;

/// <summary>
/// The continuity command line: how many teams and days, the planner's time per team day, the
/// continuity weights to compare, the seed of the region and its disturbances, and how many teams
/// run at once.
/// </summary>
internal sealed record ContinuityOptions(int Teams, int Days, double Seconds, IReadOnlyList<double> Weights, int Seed, int Threads, QualificationMix Qualifications, double HandMoves)
{
    public const string Usage =
        "usage: Buurtzorg.PlannerBench continuity [--teams 20] [--days 28] [--seconds 0.5] [--weights 0,2,5,10,20,40] [--seed 1] [--threads 2] [--qualifications region|team-day] [--hand-moves 0.2]";

    // A year is far beyond the four weeks the metrics are meant for, but nothing breaks there.
    private const int MaxDays = 364;

    public static ContinuityOptions Parse(IReadOnlyList<string> args)
    {
        int teams = 20, days = 28, seed = 1, threads = 2;
        var seconds = 0.5;
        var handMoves = 0.2;
        IReadOnlyList<double> weights = [0, 2, 5, 10, 20, 40];
        var qualifications = QualificationMix.Region;
        for (var i = 0; i < args.Count; i++)
        {
            var option = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{option} needs a value");
            int Whole(int min, int max)
            {
                var text = Value();
                return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
                    ? value
                    : throw new ArgumentException($"{option} takes a whole number from {min} to {max}, not '{text}'");
            }

            switch (option)
            {
                case "--teams":
                    teams = Whole(1, 10_000);
                    break;
                case "--days":
                    days = Whole(1, MaxDays);
                    break;
                case "--seed":
                    seed = Whole(0, 1_000_000);
                    break;
                case "--threads":
                    threads = Whole(1, 256);
                    break;
                case "--seconds":
                    var text = Value();
                    seconds = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0 && s <= 3600
                        ? s
                        : throw new ArgumentException($"--seconds takes a positive number of seconds, not '{text}'");
                    break;
                case "--hand-moves":
                    var share = Value();
                    handMoves = double.TryParse(share, NumberStyles.Float, CultureInfo.InvariantCulture, out var h) && h >= 0 && h <= 1
                        ? h
                        : throw new ArgumentException($"--hand-moves takes the share of visits moved by hand, from 0 to 1, not '{share}'");
                    break;
                case "--weights":
                    weights = ParseWeights(Value());
                    break;
                case "--qualifications":
                    var mix = Value();
                    qualifications = mix switch
                    {
                        "region" => QualificationMix.Region,
                        "team-day" => QualificationMix.TeamDay,
                        _ => throw new ArgumentException($"--qualifications takes region or team-day, not '{mix}'"),
                    };
                    break;
                default:
                    throw new ArgumentException($"unknown option {option}");
            }
        }

        return new ContinuityOptions(teams, days, seconds, weights, seed, threads, qualifications, handMoves);
    }

    private static List<double> ParseWeights(string text)
    {
        var weights = new List<double>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) || weight < 0 || !double.IsFinite(weight))
            {
                throw new ArgumentException($"--weights takes non-negative numbers separated by commas, not '{text}'");
            }

            if (weights.Contains(weight))
            {
                throw new ArgumentException($"--weights names {part} twice");
            }

            weights.Add(weight);
        }

        return weights;
    }
}

/// <summary>
/// How nurses' qualifications are drawn. <see cref="Region"/>: as the demo region's nurses, every
/// one giving medication and dressing wounds. <see cref="TeamDay"/>: as TeamDayBench, basic care
/// and one to three specialisms at random, which leaves some shifts without anyone for the
/// medication round.
/// </summary>
internal enum QualificationMix
{
    Region = 1,
    TeamDay = 2,
}
