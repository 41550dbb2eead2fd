using Buurtzorg.Persistence;
using Buurtzorg.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Buurtzorg.Host.Tests.Privacy;

/// <summary>Reads the host's database itself, past every grain and endpoint: what is really still stored.</summary>
internal static class Stored
{
    /// <summary>How many rows of grain state hold <paramref name="text"/> anywhere in their stored JSON.</summary>
    public static Task<long> GrainStatesHolding(TestHost host, string text) => Count(host,
        Backend(host).Kind == StorageKind.Postgres
            ? "SELECT count(*) FROM grain_state WHERE payload IS NOT NULL AND position(convert_to(@text, 'UTF8') in payload) > 0;"
            : "SELECT count(*) FROM grain_state WHERE payload IS NOT NULL AND instr(CAST(payload AS TEXT), @text) > 0;",
        ("text", text));

    public static Task<long> AccountsNamed(TestHost host, string userName) =>
        Count(host, "SELECT count(*) FROM account WHERE user_name = @name;", ("name", userName));

    public static Task<long> AccessLogLines(TestHost host, Guid clientId) =>
        Count(host, "SELECT count(*) FROM access_log WHERE client_id = @client;", ("client", clientId.ToString("D")));

    public static Task<long> LinksTo(TestHost host, Guid clientId) =>
        Count(host, "SELECT count(*) FROM account_link WHERE client_id = @client;", ("client", clientId.ToString("D")));

    public static async Task Execute(TestHost host, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = SchemaMigrator.Open(Backend(host));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        Bind(command, parameters);
        await command.ExecuteNonQueryAsync();
    }

    private static StorageBackend Backend(TestHost host) => host.App.Services.GetRequiredService<ClusterSettings>().Storage;

    private static async Task<long> Count(TestHost host, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = SchemaMigrator.Open(Backend(host));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        Bind(command, parameters);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Bind(System.Data.Common.DbCommand command, (string Name, object Value)[] parameters)
    {
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
    }
}
