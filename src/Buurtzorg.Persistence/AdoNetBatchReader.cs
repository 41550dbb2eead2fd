using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using Orleans.Storage;

namespace Buurtzorg.Persistence;

/// <summary>
/// Reads many rows of the ADO.NET provider's grain_state table in one statement, as the provider
/// would read each (the same identity columns, payload serializer and version as ETag). Only for
/// string-keyed grains: the provider stores their whole key in grain_id_ext with both numeric
/// halves 0, which the statement names so the table's unique index answers it. A team schedule
/// activates with its ~43 day rows in one query instead of 43 on a pool of 20 connections.
/// </summary>
public sealed class AdoNetBatchReader(StorageBackend backend, string serviceId, IGrainStorageSerializer serializer)
{
    public async Task ReadStatesAsync<T>(string stateName, IReadOnlyList<(GrainId GrainId, IGrainState<T> State)> states)
        where T : new()
    {
        if (states.Count == 0)
        {
            return;
        }

        var keys = new List<string>(states.Count);
        foreach (var (id, _) in states)
        {
            if (id.Key.ToString() is not { } key || GrainIdKeyExtensions.TryGetGuidKey(id, out _, out _) || GrainIdKeyExtensions.TryGetIntegerKey(id, out _, out _))
            {
                throw new ArgumentException($"Only string-keyed grains are read in a batch, not {id}.", nameof(states));
            }

            keys.Add(key);
        }

        // The connection goes back to the pool before the payloads are deserialised: a cold start
        // activates many schedules at once, and holding it through that work exhausted the pool.
        var rows = new Dictionary<string, (byte[]? Payload, int Version)>(StringComparer.Ordinal);
        await using (var connection = Connection())
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText =
                "SELECT grain_id_ext, payload, version FROM grain_state WHERE service_id = @ServiceId AND state_name = @StateName " +
                // SQLite indexes the extension through ifnull (see 001-grain-state.sql): the same expression uses that index.
                "AND grain_id_n0 = 0 AND grain_id_n1 = 0 AND " + (backend.Kind == StorageKind.Sqlite ? "ifnull(grain_id_ext, x'00')" : "grain_id_ext") + " IN (" + string.Join(", ", keys.Select((_, i) => "@k" + i.ToString(CultureInfo.InvariantCulture))) + ")";
            Add(command, "ServiceId", serviceId);
            Add(command, "StateName", stateName);
            for (var i = 0; i < keys.Count; i++)
            {
                Add(command, "k" + i.ToString(CultureInfo.InvariantCulture), keys[i]);
            }

            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows[reader.GetString(0)] = (reader.IsDBNull(1) ? null : (byte[])reader.GetValue(1), Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture));
            }
        }

        for (var i = 0; i < states.Count; i++)
        {
            var state = states[i].State;
            if (rows.TryGetValue(keys[i], out var row))
            {
                state.ETag = row.Version.ToString(CultureInfo.InvariantCulture);
                state.RecordExists = row.Payload is not null;
                state.State = row.Payload is { } payload ? serializer.Deserialize<T>(new BinaryData(payload)) : new T();
            }
            else
            {
                state.ETag = null;
                state.RecordExists = false;
                state.State = new T();
            }
        }
    }

    private DbConnection Connection() => backend.Kind == StorageKind.Postgres
        ? new NpgsqlConnection(backend.ConnectionString)
        : new SqliteConnection(backend.ConnectionString);

    private static void Add(DbCommand command, string name, string value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
