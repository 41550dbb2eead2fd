using System.Net;
using Buurtzorg.Contracts.Clients;
using Buurtzorg.Contracts.Privacy;
using Buurtzorg.Host.Access;
using Buurtzorg.Host.Privacy;
using Buurtzorg.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Buurtzorg.Host.Tests.Privacy;

/// <summary>A secure host on a database of its own on the test PostgreSQL server: its clear query, byte payloads and log trigger differ from SQLite's.</summary>
public sealed class SecurePostgresHostFixture : IAsyncLifetime
{
    public PostgresServer Database { get; } = new();

    public TestHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        Host = await TestHost.StartSecureOnPostgres(Database.ConnectionString, $"pg-{Guid.NewGuid():N}");
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Database.DisposeAsync();
    }
}

public sealed class ErasureOnPostgresTests(SecurePostgresHostFixture fixture) : IClassFixture<SecurePostgresHostFixture>
{
    private TestHost Host => fixture.Host;

    [Fact]
    public async Task On_postgres_an_unlinked_relative_and_then_a_record_past_its_retention_are_gone_from_the_stored_rows_and_only_that_clients_log_goes()
    {
        var team = await PrivacyTeam.Start(Host);
        var client = await team.Client("Pieternella Postgres");
        var other = await team.Client("Klaas Blijft");
        var member = await team.Relative(client, "Sjaak Postgres", "0633322211", "sjaak@example.nl");
        var relative = await team.FamilyAccount("sjaak-pg", (client, member));
        Assert.Equal(HttpStatusCode.OK, (await relative.Http.GetAsync($"/api/clients/{client}/care-plan")).StatusCode);
        Assert.True(await Stored.GrainStatesHolding(Host, "0633322211") > 0, "the test must see the number stored before the erasure");

        Assert.Equal(HttpStatusCode.OK, (await team.Nurse.Http.DeleteAsync($"/api/clients/{client}/network/{member}")).StatusCode);

        Assert.Equal(0, await Stored.GrainStatesHolding(Host, "0633322211"));
        Assert.Equal(0, await Stored.GrainStatesHolding(Host, "Sjaak Postgres"));
        Assert.Equal(0, await Stored.AccountsNamed(Host, "sjaak-pg"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await relative.Http.GetAsync("/api/account/me")).StatusCode);

        // The record's end, step by step as the job takes it, with a cutoff past every change.
        await team.Discharge(client);
        Assert.Equal(HttpStatusCode.OK, (await team.Nurse.Http.GetAsync($"/api/clients/{other}")).StatusCode);
        var grains = Host.App.Services.GetRequiredService<IGrainFactory>();
        var log = Host.App.Services.GetRequiredService<AccessLog>();
        Assert.True(await Stored.AccessLogLines(Host, client) > 0);
        var otherLines = await Stored.AccessLogLines(Host, other);

        var check = await grains.GetGrain<IClientGrain>(client).EraseAfterRetention(DateTimeOffset.UtcNow.AddDays(1));
        Assert.Equal(RetentionOutcome.Erased, check.Outcome);
        await Host.App.Services.GetRequiredService<AccountErasure>().EraseClient(client);
        await log.EraseClient(client);

        Assert.Null(await grains.GetGrain<IClientGrain>(client).Get());
        Assert.Equal(0, await Stored.GrainStatesHolding(Host, "Pieternella Postgres"));
        Assert.Equal(0, await Stored.AccessLogLines(Host, client));
        Assert.Equal(otherLines, await Stored.AccessLogLines(Host, other));
        // Everyone else's lines stay append-only.
        await Assert.ThrowsAnyAsync<Exception>(() => Stored.Execute(Host, "DELETE FROM access_log WHERE client_id = @client;", ("client", other.ToString("D"))));
        Assert.Equal(RetentionOutcome.Erased, (await grains.GetGrain<IClientGrain>(client).EraseAfterRetention(DateTimeOffset.UtcNow.AddDays(1))).Outcome);
    }
}
