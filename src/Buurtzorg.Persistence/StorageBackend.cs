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

    public static StorageBackend Postgres(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Maximum Pool Size", StringComparison.OrdinalIgnoreCase)
            && !connectionString.Contains("MaxPoolSize", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxPoolSize = DefaultPostgresPoolSize;
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
