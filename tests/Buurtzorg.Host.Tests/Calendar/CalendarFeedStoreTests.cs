using System.Security.Cryptography;
using System.Text;
using Buurtzorg.Host.Accounts;
using Buurtzorg.Host.Calendar;
using Buurtzorg.Host.Tests.Infrastructure;
using Buurtzorg.Persistence;

namespace Buurtzorg.Host.Tests.Calendar;

/// <summary>
/// The links' table on both databases the product runs on, created by the schema migration: a
/// secret opens its feed until it is replaced or withdrawn or its account is deleted, and the
/// table holds only its hash.
/// </summary>
public sealed class CalendarFeedStoreTests : IAsyncLifetime
{
    private readonly TempSqliteFile _file = new();
    private readonly PostgresServer _postgres = new();

    public Task InitializeAsync() => _postgres.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _postgres.DisposeAsync();
        _file.Dispose();
    }

    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task A_secret_opens_its_feed_until_replaced_withdrawn_or_its_account_is_deleted(StorageKind kind)
    {
        var backend = kind == StorageKind.Postgres ? StorageBackend.Postgres(_postgres.ConnectionString) : StorageBackend.Sqlite(_file.Path);
        await SchemaMigrator.Apply(backend);
        var settings = new ClusterSettings { Storage = backend };
        var accounts = new AccountStore(settings);
        var feeds = new CalendarFeedStore(settings, new SqliteWriteGate(settings), TimeProvider.System);
        var account = new Account { UserName = "kees", NormalizedUserName = "KEES", Role = AccountRole.Family, DisplayName = "Kees" };
        await accounts.CreateAsync(account, default);
        var round = new CalendarFeedKey(account.Id, CalendarFeedKind.Client, Guid.NewGuid());

        var (first, issuedAt) = await feeds.Issue(round);

        Assert.Equal(round, await feeds.Find(first));
        Assert.Equal(issuedAt.ToUnixTimeSeconds(), (await feeds.IssuedAt(round))?.ToUnixTimeSeconds());
        var (second, _) = await feeds.Issue(round);
        Assert.Null(await feeds.Find(first));
        Assert.Equal(round, await feeds.Find(second));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(second))), CalendarFeedStore.Hash(second));

        await feeds.Revoke(round);
        Assert.Null(await feeds.Find(second));
        Assert.Null(await feeds.IssuedAt(round));

        var (third, _) = await feeds.Issue(round);
        await accounts.DeleteAsync(account, default);
        Assert.Null(await feeds.Find(third));
        Assert.Null(await feeds.Find("not a secret"));
    }
}
