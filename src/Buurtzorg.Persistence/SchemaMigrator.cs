using System.Data.Common;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Buurtzorg.Persistence;

/// <summary>
/// Brings a database to the schema this build expects, before the silo starts (the Orleans
/// providers load their queries once, at start-up). Safe to run again and from several silos at
/// once: migrations are numbered and recorded in <c>buurtzorg_schema</c>, run inside one
/// transaction under a lock, and the query catalogue is rewritten to match this build.
/// </summary>
public static class SchemaMigrator
{
    // Any constant will do; it only has to be the same in every silo of a cluster.
    private const long PostgresMigrationLock = 0x4275_7572_747A_6F72;

    private static readonly Assembly ResourceAssembly = typeof(SchemaMigrator).Assembly;

    /// <summary>The highest migration number this build knows, per backend.</summary>
    public static int LatestVersion(StorageKind kind) => Migrations(kind).Max(m => m.Version);

    public static async Task<int> Apply(StorageBackend backend, CancellationToken cancellationToken = default)
    {
        await using var connection = Open(backend);
        await connection.OpenAsync(cancellationToken);

        if (backend.Kind == StorageKind.Sqlite)
        {
            // WAL is a property of the file; it lets readers go on during a write and avoids the
            // rare "database is locked" of rollback-journal mode under concurrent writers.
            await Execute(connection, null, "PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await using var transaction = await BeginExclusive(connection, cancellationToken);
        await Execute(connection, transaction, backend.Kind == StorageKind.Postgres
            ? "CREATE TABLE IF NOT EXISTS buurtzorg_schema (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());"
            : "CREATE TABLE IF NOT EXISTS buurtzorg_schema (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')));",
            cancellationToken);

        var current = await CurrentVersion(connection, transaction, cancellationToken);
        foreach (var migration in Migrations(backend.Kind).Where(m => m.Version > current).OrderBy(m => m.Version))
        {
            await Execute(connection, transaction, Read(migration.Resource), cancellationToken);
            await using var record = Command(connection, transaction, "INSERT INTO buurtzorg_schema (version) VALUES (@version);");
            AddParameter(record, "version", migration.Version);
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var (key, text) in Queries(backend.Kind))
        {
            await using var upsert = Command(connection, transaction,
                "INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES (@key, @text) " +
                "ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;");
            AddParameter(upsert, "key", key);
            AddParameter(upsert, "text", text);
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return await CurrentVersion(connection, null, cancellationToken);
    }

    /// <summary>The query keys this build installs for a backend.</summary>
    public static IReadOnlyList<string> QueryKeys(StorageKind kind) => [.. Queries(kind).Select(q => q.Key)];

    public static DbConnection Open(StorageBackend backend) => backend.Kind == StorageKind.Postgres
        ? new NpgsqlConnection(backend.ConnectionString)
        : new SqliteConnection(backend.ConnectionString);

    private static async Task<DbTransaction> BeginExclusive(DbConnection connection, CancellationToken cancellationToken)
    {
        if (connection is SqliteConnection sqlite)
        {
            // Not deferred: BEGIN IMMEDIATE takes the write lock now, so two starting processes
            // cannot both read an old version and both migrate.
            return sqlite.BeginTransaction(deferred: false);
        }

        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var lockCommand = Command(connection, transaction, "SELECT pg_advisory_xact_lock(@lock);");
        AddParameter(lockCommand, "lock", PostgresMigrationLock);
        await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        return transaction;
    }

    private static async Task<int> CurrentVersion(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, "SELECT coalesce(max(version), 0) FROM buurtzorg_schema;");
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task Execute(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static IEnumerable<(int Version, string Resource)> Migrations(StorageKind kind)
    {
        var prefix = $"Schema/{kind}/Migrations/";
        return ResourceAssembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Select(n => (int.Parse(n[prefix.Length..].Split('-')[0], System.Globalization.CultureInfo.InvariantCulture), n));
    }

    private static IEnumerable<(string Key, string Text)> Queries(StorageKind kind)
    {
        var prefix = $"Schema/{kind}/Queries/";
        return ResourceAssembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => (Path.GetFileNameWithoutExtension(n[prefix.Length..]), Read(n)));
    }

    private static string Read(string resource)
    {
        using var stream = ResourceAssembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Schema resource {resource} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
