using System.CommandLine;
using Buurtzorg.Tools;

namespace Buurtzorg.Benchmarks;

/// <summary>
/// The benchmarks' command line (docs/benchmarks.md says what each measures and its anchor).
/// Without a command: durable grain writes, as tools/bench-durable-writes.sh runs them.
/// <see cref="Build"/> is what the tests parse.
/// </summary>
public static class BenchmarksCommand
{
    private const string PostgresVariable = "BUURTZORG_POSTGRES";

    public static Task<int> Run(string[] args, TextWriter? output = null, TextWriter? error = null) =>
        ToolCommandLine.Run(Build(), args, output, error);

    public static RootCommand Build()
    {
        var postgres = PostgresFromEnvironment();
        var concurrency = ToolOptions.Concurrency(16, "Writers at once, each driving its own team grain.");
        var seconds = ToolOptions.Seconds(20, "How long the writes are measured, after a 10 s warm-up.");
        var root = new RootCommand(
            "Benchmarks of the project; docs/benchmarks.md says what each measures and its anchor. " +
            "Without a command: durable grain writes per second through the real TeamGrain on PostgreSQL. Results on stdout, progress on stderr.")
        {
            postgres, concurrency, seconds, Division(), National(), ScheduleDays(), EndToEnd(),
        };
        RequirePostgres(root, postgres);
        root.SetAction(result => DurableWrites.Run(new Arguments(Postgres(result, postgres)!, result.GetValue(concurrency), result.GetValue(seconds))));
        return root;
    }

    private static Command Division()
    {
        var teams = ToolOptions.Teams(200, "Generated teams to divide.");
        var seed = ToolOptions.Seed(13, "Seed of the generated teams.");
        var command = new Command("division", "Team cell division against the median-longitude split, on generated teams of 13 nurses.") { teams, seed };
        command.SetAction(result => DivisionBenchmark.Run(result.GetValue(teams), result.GetValue(seed)));
        return command;
    }

    private static Command National()
    {
        var postgres = ToolOptions.Postgres("The PostgreSQL database to generate the region into and activate it from.", required: true);
        var teams = ToolOptions.Teams(900, "Teams of the generated region (900: the national scale).");
        var concurrency = ToolOptions.Concurrency(64, "Grain calls at once while activating.");
        var only = ToolOptions.Only(
            "Run one phase only: generation (into an empty database) or activation (of a region generated before). tools/bench-national.sh runs them as two processes.",
            "generation", "activation");
        var command = new Command("national", "The national scale: generate the region through the grains, then activate every grain from storage on a fresh silo and ask the national capacity question.")
        {
            postgres, teams, concurrency, only,
        };
        command.SetAction(result => NationalBenchmark.Run(result.GetValue(postgres)!, result.GetValue(teams), result.GetValue(concurrency), result.GetValue(only)));
        return command;
    }

    private static Command ScheduleDays()
    {
        var postgres = ToolOptions.Postgres("The PostgreSQL database to run on; without it, a new SQLite file in the temp folder.");
        var teams = ToolOptions.Teams(20, "Teams seeded, one nurse each.");
        var clients = ToolOptions.Whole("--clients-per-team", 70, "Clients of each team, one schedule of their visits.", 1, 10_000);
        var concurrency = ToolOptions.Concurrency(64, "Grain calls at once.");
        var command = new Command("schedule-days", "What a claim stores and how fast team schedules activate, stored whole (schema 1) and per day (schema 2), on teams of the national size.")
        {
            postgres, teams, clients, concurrency,
        };
        command.SetAction(result => ScheduleDaysBenchmark.Run(result.GetValue(postgres), result.GetValue(teams), result.GetValue(clients), result.GetValue(concurrency)));
        return command;
    }

    private static Command EndToEnd()
    {
        var postgres = PostgresFromEnvironment();
        var concurrency = ToolOptions.Concurrency(16, "Signed-in nurses claiming and releasing at once, each in a team of her own.");
        var seconds = ToolOptions.Seconds(20, "How long the claims are measured, after a 10 s warm-up.");
        var command = new Command("end-to-end", "Claims and releases through HTTP on the real host (session, access gate, access log, team schedule grain, PostgreSQL).")
        {
            postgres, concurrency, seconds,
        };
        RequirePostgres(command, postgres);
        command.SetAction(result => EndToEndWrites.Run(Postgres(result, postgres)!, result.GetValue(concurrency), result.GetValue(seconds)));
        return command;
    }

    // Not a default value: a command's validators run before defaults are filled in.
    private static Option<string?> PostgresFromEnvironment() =>
        ToolOptions.Postgres($"The PostgreSQL database to write to [default: ${PostgresVariable}].");

    private static string? Postgres(ParseResult result, Option<string?> postgres) =>
        result.GetValue(postgres) ?? Environment.GetEnvironmentVariable(PostgresVariable);

    private static void RequirePostgres(Command command, Option<string?> postgres) =>
        command.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValue(postgres) ?? Environment.GetEnvironmentVariable(PostgresVariable)))
            {
                result.AddError($"Give a PostgreSQL connection string with --postgres (or in ${PostgresVariable}).");
            }
        });
}
