using System.Diagnostics;
using Npgsql;

namespace Buurtzorg.Host.Tests.Infrastructure;

/// <summary>
/// The real PostgreSQL server the tests use. The test command starts it and passes its
/// connection string in BUURTZORG_TEST_POSTGRES; a bare `dotnet test` starts it the same way.
/// Each test class gets its own database, so tests never see each other's rows.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private const string Variable = "BUURTZORG_TEST_POSTGRES";

    private static readonly SemaphoreSlim StartGate = new(1, 1);
    private static string? _serverConnectionString;

    private string _database = "";

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var server = new NpgsqlConnectionStringBuilder(await ServerConnectionString());
        var database = $"test_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(server.ConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
            await create.ExecuteNonQueryAsync();
        }

        _database = database;
        server.Database = database;
        ConnectionString = server.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(await ServerConnectionString());
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>The database goes away for the hosts: open sessions end and new ones are refused, as in an outage.</summary>
    public Task Refuse() => Administer(
        $"ALTER DATABASE {_database} ALLOW_CONNECTIONS false",
        $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{_database}'");

    public Task Admit() => Administer($"ALTER DATABASE {_database} ALLOW_CONNECTIONS true");

    private async Task Administer(params string[] statements)
    {
        await using var admin = new NpgsqlConnection(await ServerConnectionString());
        await admin.OpenAsync();
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, admin);
            await command.ExecuteNonQueryAsync();
        }
    }

    public async Task<T?> Scalar<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? default : (T)Convert.ChangeType(result, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<string> ServerConnectionString()
    {
        await StartGate.WaitAsync();
        try
        {
            return _serverConnectionString ??= Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given
                ? given
                : await StartWithScript();
        }
        finally
        {
            StartGate.Release();
        }
    }

    private static async Task<string> StartWithScript()
    {
        var script = Path.Combine(Repository.Root, "tools", "pg-test-server.sh");
        var start = new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} failed with exit code {process.ExitCode}; set {Variable} to a PostgreSQL server instead.");
        }

        return output.Trim().Split('\n')[^1];
    }
}
