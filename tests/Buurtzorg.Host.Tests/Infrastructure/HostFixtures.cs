namespace Buurtzorg.Host.Tests.Infrastructure;

/// <summary>One host on its own SQLite file, shared by the tests of a class.</summary>
public sealed class SqliteHostFixture : IAsyncLifetime
{
    private readonly TempSqliteFile _file = new();

    public TestHost Host { get; private set; } = null!;

    public string SqlitePath => _file.Path;

    public async Task InitializeAsync() => Host = await TestHost.StartOnSqlite(_file.Path);

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        _file.Dispose();
    }
}

/// <summary>One host on a database of its own on the test PostgreSQL server.</summary>
public sealed class PostgresHostFixture : IAsyncLifetime
{
    public PostgresServer Database { get; } = new();

    public TestHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        Host = await TestHost.StartOnPostgres(Database.ConnectionString, $"pg-{Guid.NewGuid():N}");
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Database.DisposeAsync();
    }
}

/// <summary>One host with the real access policy on its own SQLite file: callers sign in.</summary>
public sealed class SecureHostFixture : IAsyncLifetime
{
    private readonly TempSqliteFile _file = new();

    public TestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await TestHost.StartSecureOnSqlite(_file.Path);

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        _file.Dispose();
    }
}
