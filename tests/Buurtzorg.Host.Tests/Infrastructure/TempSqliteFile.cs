using Microsoft.Data.Sqlite;

namespace Buurtzorg.Host.Tests.Infrastructure;

/// <summary>A SQLite database file of the test's own, removed afterwards.</summary>
public sealed class TempSqliteFile : IDisposable
{
    private readonly string _directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"buurtzorg-test-{Guid.NewGuid():N}");

    public TempSqliteFile() => Path = System.IO.Path.Combine(_directory, "buurtzorg.db");

    public string Path { get; }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
