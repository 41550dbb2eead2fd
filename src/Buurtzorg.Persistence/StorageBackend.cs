using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Buurtzorg.Persistence;

public enum StorageKind
{
    /// <summary>An embedded SQLite file: one silo, nothing to install.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database shared by every silo of a cluster.</summary>
    Postgres,
}

/// <summary>Where grain state (and, for PostgreSQL, cluster membership) is kept.</summary>
public sealed record StorageBackend(StorageKind Kind, string ConnectionString)
{
    // Npgsql pools up to 100 connections by default, more than PostgreSQL's default of 100
    // connections shared by every silo and tool; each silo gets a modest pool instead.
    private const int DefaultPostgresPoolSize = 20;

    /// <summary>The ADO.NET invariant Orleans resolves; for SQLite it maps this name to Microsoft.Data.Sqlite.</summary>
    public string Invariant => Kind == StorageKind.Postgres ? "Npgsql" : "System.Data.SQLite";

    /// <summary>
    /// PostgreSQL with settings chosen for the Orleans provider, each unless the connection
    /// string sets it: a bounded pool; automatic preparation, because the provider sends the
    /// same few statements over and over as text (measured: about 1.8 times the write rate,
    /// docs/benchmarks.md); a short connect timeout; and no session reset when a connection goes back to the pool, since
    /// neither the provider nor the schema migrator leaves session state behind.
    /// </summary>
    public static StorageBackend Postgres(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);

        // Npgsql's builder answers for every keyword it knows; its connection string holds only
        // those the caller set, under their canonical names (any alias is accepted on input).
        var given = new DbConnectionStringBuilder { ConnectionString = builder.ConnectionString };
        if (!given.ContainsKey("Maximum Pool Size"))
        {
            builder.MaxPoolSize = DefaultPostgresPoolSize;
        }

        if (!given.ContainsKey("Max Auto Prepare"))
        {
            builder.MaxAutoPrepare = 32;
            builder.AutoPrepareMinUsages = 2;
        }

        // Npgsql waits 15 s for a connection by default; a database that went silent (not down:
        // down refuses at once) would hold every request that long. 3 s still leaves a loaded pool
        // time to hand one over, and the host answers 503 with Retry-After after it.
        if (!given.ContainsKey("Timeout"))
        {
            builder.Timeout = 3;
        }

        if (!given.ContainsKey("No Reset On Close"))
        {
            builder.NoResetOnClose = true;
        }

        return new StorageBackend(StorageKind.Postgres, builder.ConnectionString);
    }

    public static StorageBackend Sqlite(string path)
    {
        var fullPath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Default,
            Pooling = true,
            DefaultTimeout = 30,
        };
        return new StorageBackend(StorageKind.Sqlite, builder.ConnectionString);
    }
}
