using System.Diagnostics;
using Npgsql;

namespace Buurtzorg.Chaos.Cluster;

/// <summary>
/// The run's own PostgreSQL server (tools/pg-test-server.sh on its own port and data folder),
/// crashed and stopped with pg_ctl and started again with the same script.
/// </summary>
public sealed class Database(ChaosOptions options)
{
    private string PgCtl => Path.Combine(options.PostgresBin, "pg_ctl");

    private string LogFile => Path.Combine(options.PostgresDataDir, "server.log");

    /// <summary>An immediate shutdown is a crash (no checkpoint, recovery at start); restart brings it straight back with the options it ran with.</summary>
    public Task CrashAndRestart() => Run(AsPostgres(PgCtl, "restart", "-m", "immediate", "-w", "-t", "60", "-D", options.PostgresDataDir, "-l", LogFile));

    public Task Stop() => Run(AsPostgres(PgCtl, "stop", "-m", "fast", "-w", "-t", "60", "-D", options.PostgresDataDir));

    public Task Start()
    {
        var port = new NpgsqlConnectionStringBuilder(options.Postgres).Port;
        var start = new ProcessStartInfo("bash", [Path.Combine(options.Repository, "tools", "pg-test-server.sh")]);
        start.Environment["BUURTZORG_PG_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["BUURTZORG_PG_DIR"] = options.PostgresDataDir;
        return Run(start);
    }

    // PostgreSQL refuses to run as root: the script runs it as the 'postgres' user, and so must pg_ctl.
    private static ProcessStartInfo AsPostgres(params string[] command) =>
        Environment.UserName == "root"
            ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", .. command])
            : new ProcessStartInfo(command[0], command[1..]);

    private static async Task Run(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{start.FileName} {string.Join(' ', start.ArgumentList)} failed ({process.ExitCode}): {await output}{await errors}");
        }
    }
}
