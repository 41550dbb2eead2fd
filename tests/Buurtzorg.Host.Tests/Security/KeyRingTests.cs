using Buurtzorg.Host.Accounts;
using Buurtzorg.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Buurtzorg.Host.Tests.Security;

/// <summary>The session keys in a cluster's database are encrypted to the cluster certificate.</summary>
public sealed class KeyRingTests : IAsyncLifetime
{
    private readonly PostgresServer _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task A_copy_of_the_database_holds_no_key_to_forge_a_session_cookie()
    {
        await using var host = await TestHost.StartSecureOnPostgres(_database.ConnectionString, $"keys-{Guid.NewGuid():N}");
        await host.OpenAccount("centraal", AccountRole.Central);
        await host.SignIn("centraal");

        Assert.True(await _database.Scalar<long>("SELECT count(*) FROM data_protection_key WHERE xml LIKE '<key %'") >= 1);
        Assert.Equal(0L, await _database.Scalar<long>("SELECT count(*) FROM data_protection_key WHERE xml LIKE '%masterKey%'"));
        Assert.Equal(0L, await _database.Scalar<long>("SELECT count(*) FROM data_protection_key WHERE xml LIKE '<key %' AND xml NOT LIKE '%EncryptedData%'"));
    }

    [Fact]
    public async Task A_key_stored_in_plain_by_an_earlier_version_is_dropped_and_start_up_goes_on()
    {
        var clusterId = $"plain-{Guid.NewGuid():N}";
        await using (var earlier = await TestHost.StartOnPostgresWith(_database.ConnectionString, clusterId,
            new() { ["Orleans:Tls:AllowInsecureDevelopmentCluster"] = "true" }, secure: true))
        {
            // What an earlier version did: the key ring in the database as it is.
            earlier.App.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("session");
            await earlier.OpenAccount("centraal", AccountRole.Central);
        }

        Assert.Equal(1L, await _database.Scalar<long>("SELECT count(*) FROM data_protection_key WHERE xml LIKE '%masterKey%'"));

        await using var host = await TestHost.StartSecureOnPostgres(_database.ConnectionString, clusterId);
        await host.SignIn("centraal");

        Assert.Equal(0L, await _database.Scalar<long>("SELECT count(*) FROM data_protection_key WHERE xml LIKE '%masterKey%'"));
        Assert.Contains(host.Logs.Lines, line => line.Contains("stored unencrypted by an earlier version", StringComparison.Ordinal));
    }
}
