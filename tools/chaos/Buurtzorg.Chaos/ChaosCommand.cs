using System.CommandLine;
using System.Globalization;
using Buurtzorg.Chaos.Faults;
using Buurtzorg.Tools;

namespace Buurtzorg.Chaos;

/// <summary>
/// The fault harness's command line. tools/chaos/run.sh passes the options marked "run.sh
/// passes it" and any the caller gives it. <see cref="Build"/> is what the tests parse.
/// </summary>
public static class ChaosCommand
{
    public static Task<int> Run(string[] args, TextWriter? output = null, TextWriter? error = null) =>
        ToolCommandLine.Run(Build(), args, output, error);

    public static RootCommand Build()
    {
        var isShort = new Option<bool>("--short") { Description = "The CI run: one kill of the host holding the load's grains and one PostgreSQL crash restart, with shorter waits." };
        var faults = new Option<IReadOnlyList<FaultKind>?>("--faults")
        {
            Description = "Faults to apply, in order, separated by commas: kill-holder, kill-random, sigstop, pg-restart, pg-stop [default: the full run's, or --short's].",
            HelpName = "fault,fault,...",
            CustomParser = result =>
            {
                try
                {
                    return [.. result.Tokens[0].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(FaultNames.Parse)];
                }
                catch (ArgumentException e)
                {
                    result.AddError($"--faults: {e.Message}");
                    return null;
                }
            },
        };
        var hosts = ToolOptions.Whole("--hosts", 3, "Hosts in the cluster, each its own process.", 2, 16);
        var output = new Option<string>("--output")
        {
            Description = "Where the report goes as JSON; the history and the hosts' logs go beside it.",
            HelpName = "path",
            DefaultValueFactory = _ => "chaos-report.json",
        };
        output.AcceptLegalFilePathsOnly();
        var seed = new Option<int?>("--seed") { Description = "Seed of the load and of the random kills [default: a new one each run, printed in the report].", HelpName = "n" };
        var baselineFor = Duration("--baseline-for", "Seconds of load before the first fault, so every figure has a baseline", "15; --short: 8");
        var killedFor = Duration("--killed-for", "Seconds a killed host stays down before it is started again", "10; --short: 3");
        var settleFor = Duration("--settle-for", "Seconds of load after a fault has ended before the next one", "20; --short: 10");
        var stoppedFor = Duration("--stopped-for", "Seconds a host stays stopped by SIGSTOP", "60");
        var databaseDownFor = Duration("--db-down-for", "Seconds PostgreSQL stays stopped", "30");
        var repository = Passed("--repo", "The repository's root, where the host was built.");
        var postgres = ToolOptions.Postgres("The private PostgreSQL server's connection string (run.sh passes it).", required: true);
        var postgresBin = Passed("--pg-bin", "PostgreSQL's bin folder (pg_ctl).");
        var postgresDir = Passed("--pg-dir", "The private server's data folder.");
        var certificate = Passed("--certificate", "The cluster certificate (PKCS#12).");
        var certificatePassword = Passed("--certificate-password", "Its password.");

        var root = new RootCommand(
            "The fault harness (issue 15): a cluster of hosts on a private PostgreSQL under the demo users' mixed load, faults applied by name, " +
            "the history checked against the final state. Run it through tools/chaos/run.sh, which builds, starts PostgreSQL and cleans up. " +
            "Exits 1 when the history disagrees with the final state.")
        {
            isShort, faults, hosts, output, seed, baselineFor, killedFor, settleFor, stoppedFor, databaseDownFor,
            repository, postgres, postgresBin, postgresDir, certificate, certificatePassword,
        };
        root.SetAction((result, _) =>
        {
            var quick = result.GetValue(isShort);
            var named = result.GetValue(faults);
            TimeSpan Seconds(Option<double?> option, double full, double brief) => TimeSpan.FromSeconds(result.GetValue(option) ?? (quick ? brief : full));
            return ChaosRun.Run(new ChaosOptions
            {
                Repository = result.GetValue(repository)!,
                Postgres = result.GetValue(postgres)!,
                PostgresBin = result.GetValue(postgresBin)!,
                PostgresDataDir = result.GetValue(postgresDir)!,
                CertificatePath = result.GetValue(certificate)!,
                CertificatePassword = result.GetValue(certificatePassword)!,
                ReportPath = result.GetValue(output)!,
                Mode = named is not null ? "custom" : quick ? "short" : "full",
                Hosts = result.GetValue(hosts),
                Faults = named ?? (quick ? [FaultKind.KillHolder, FaultKind.PostgresRestart] : FaultNames.FullRun),
                Baseline = Seconds(baselineFor, 15, 8),
                KilledFor = Seconds(killedFor, 10, 3),
                Settle = Seconds(settleFor, 20, 10),
                StoppedFor = Seconds(stoppedFor, 60, 60),
                DatabaseDownFor = Seconds(databaseDownFor, 30, 30),
                Seed = result.GetValue(seed) ?? Environment.TickCount,
            });
        });
        return root;
    }

    // No default value of its own: the default depends on --short, and the help says which.
    private static Option<double?> Duration(string name, string description, string defaults) =>
        new(name)
        {
            Description = $"{description} [default: {defaults}].",
            HelpName = "seconds",
            CustomParser = result =>
            {
                var text = result.Tokens[0].Value;
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 0 and <= 3_600)
                {
                    return seconds;
                }

                result.AddError($"{name} takes a number of seconds from 0 to 3600, not '{text}'");
                return null;
            },
        };

    private static Option<string> Passed(string name, string description) =>
        new(name) { Description = description + " run.sh passes it.", HelpName = "value", Required = true };
}
