using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Buurtzorg.Tools;

/// <summary>
/// The options the demo generator and the benchmarks share, so that --teams, --seed, --seconds
/// and the rest mean one thing in every tool (docs/benchmarks.md, "Command lines"), and the
/// typed number options every tool builds the rest from. Numbers are read with the invariant
/// culture whatever the machine's: "0.5" is half a second on a Dutch machine too.
/// </summary>
internal static class ToolOptions
{
    public static Option<int> Teams(int fallback, string description, int max = 10_000) =>
        Whole("--teams", fallback, description, 1, max);

    public static Option<int> Seed(int fallback, string description) =>
        Whole("--seed", fallback, description + " The same seed gives the same run.", 0, int.MaxValue);

    public static Option<int> Days(int fallback, string description, int max = 364) =>
        Whole("--days", fallback, description, 1, max);

    /// <summary>How long a load is measured, never a solver's limit (that is --plan-seconds).</summary>
    public static Option<double> Seconds(double fallback, string description) =>
        Number("--seconds", fallback, description, 0.1, 86_400);

    /// <summary>The planner's time limit per problem.</summary>
    public static Option<double> PlanSeconds(string name, double fallback, string description) =>
        Number(name, fallback, description, 0.01, 3_600);

    /// <summary>Requests or grain calls in flight at once.</summary>
    public static Option<int> Concurrency(int fallback, string description) =>
        Whole("--concurrency", fallback, description, 1, 100_000);

    public static Option<string?> Postgres(string description, bool required = false)
    {
        var option = new Option<string?>("--postgres")
        {
            Description = description,
            HelpName = "connection string",
            Required = required,
        };
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count == 1 && string.IsNullOrWhiteSpace(result.Tokens[0].Value))
            {
                result.AddError("--postgres takes a connection string, not an empty one");
            }
        });
        return option;
    }

    /// <summary>Runs only one part of the tool: one family of instances, one phase, one side.</summary>
    public static Option<string?> Only(string description, params string[] parts)
    {
        var option = new Option<string?>("--only") { Description = description, HelpName = string.Join('|', parts) };
        option.Validators.Add(OneOf("--only", parts));
        return option;
    }

    /// <summary>A check that names the option, where AcceptOnlyFromAmong's message would not.</summary>
    public static Action<OptionResult> OneOf(string name, params string[] values) => result =>
    {
        if (result.Tokens.Count == 1 && !values.Contains(result.Tokens[0].Value, StringComparer.Ordinal))
        {
            result.AddError($"{name} takes {string.Join(" or ", values)}, not '{result.Tokens[0].Value}'");
        }
    };

    public static Option<int> Whole(string name, int fallback, string description, int min, int max) =>
        new(name)
        {
            Description = description,
            HelpName = "n",
            DefaultValueFactory = _ => fallback,
            CustomParser = result => Parse(result, name, min, max, fallback, int.TryParse, NumberStyles.Integer, "a whole number"),
        };

    public static Option<double> Number(string name, double fallback, string description, double min, double max) =>
        new(name)
        {
            Description = description,
            HelpName = "n",
            DefaultValueFactory = _ => fallback,
            CustomParser = result => Parse(result, name, min, max, fallback, double.TryParse, NumberStyles.Float, "a number"),
        };

    private delegate bool TryParse<T>(string text, NumberStyles styles, IFormatProvider provider, out T value);

    private static T Parse<T>(ArgumentResult result, string name, T min, T max, T fallback, TryParse<T> tryParse, NumberStyles styles, string kind)
        where T : struct, IComparable<T>, IFormattable
    {
        var text = result.Tokens[0].Value;
        if (tryParse(text, styles, CultureInfo.InvariantCulture, out var value) && value.CompareTo(min) >= 0 && value.CompareTo(max) <= 0)
        {
            return value;
        }

        result.AddError(string.Create(CultureInfo.InvariantCulture, $"{name} takes {kind} from {min} to {max}, not '{text}'"));
        return fallback;
    }
}
