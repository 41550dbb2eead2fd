using System.Net;
using System.Net.Http.Json;
using Buurtzorg.Contracts.Rounds;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Contracts.Visits;
using Buurtzorg.Host.Schedule;
using Buurtzorg.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Buurtzorg.Host.Tests.Cluster;

/// <summary>Two hosts, one Orleans cluster on PostgreSQL (AdoNet clustering and grain storage).</summary>
public sealed class TwoSiloClusterTests : IAsyncLifetime
{
    private readonly PostgresServer _database = new();
    private readonly string _clusterId = $"cluster-{Guid.NewGuid():N}";
    private TestHost _hostA = null!;
    private TestHost _hostB = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _hostA = await TestHost.StartOnPostgres(_database.ConnectionString, _clusterId);
        _hostB = await TestHost.StartOnPostgres(_database.ConnectionString, _clusterId);
        await _hostA.SeesActiveSilos(2);
    }

    public async Task DisposeAsync()
    {
        await _hostB.DisposeAsync();
        await _hostA.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Both_silos_join_one_cluster()
    {
        var management = _hostB.App.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);

        var active = await management.GetHosts(onlyActive: true);

        Assert.Equal(2, active.Count);
        Assert.Equal(2, await _database.Scalar<int>("SELECT count(*) FROM membership WHERE deployment_id = @id AND status = 3", ("id", _clusterId)));
    }

    [Fact]
    public async Task A_change_through_host_A_reaches_a_browser_on_host_B_and_B_carries_on_when_A_stops()
    {
        var team = await _hostA.CreateTeam("Buurtzorg Lombok");
        await using var onB = await _hostB.ConnectToHub();
        var changes = new HubEvents<TeamChanged>(onB, nameof(IScheduleClient.TeamChanged));
        var watched = await onB.InvokeAsync<TeamSnapshot>("WatchTeam", team.Id);

        var added = await _hostA.AddNurse(team.Id, "Anna de Vries");
        var seenOnB = await changes.Next(c => c.TeamId == team.Id && c.Version > watched.Version);
        Assert.Equal((TeamChangeKind.NurseAdded, added.Version), (seenOnB.Kind, seenOnB.Version));

        await _hostA.App.StopAsync();

        // A graceful stop marks A dead in the membership table; B takes over A's grains.
        Assert.Equal(1, await _database.Scalar<int>("SELECT count(*) FROM membership WHERE deployment_id = @id AND status = 6", ("id", _clusterId)));
        var read = await _hostB.GetTeam(team.Id);
        Assert.Equal(["Anna de Vries"], read.Nurses.Select(n => n.Name));
        var written = await _hostB.Http.PostAsJsonAsync($"/api/teams/{team.Id}/nurses", new { name = "Sanne Bakker" });
        Assert.Equal(HttpStatusCode.Created, written.StatusCode);
        Assert.Equal(3, (await written.Content.ReadFromJsonAsync<TeamSnapshot>())!.Version);
        Assert.Equal(3, (await _hostB.GetTeam(team.Id)).Version);

        // The dead silo's row is cleaned up by the per-row query, leaving the live one.
        await _hostB.App.Services.GetRequiredService<IMembershipTable>().CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal(0, await _database.Scalar<int>("SELECT count(*) FROM membership WHERE deployment_id = @id AND status = 6", ("id", _clusterId)));
        Assert.Equal(1, await _database.Scalar<int>("SELECT count(*) FROM membership WHERE deployment_id = @id AND status = 3", ("id", _clusterId)));

        // The browser on B keeps receiving changes, even if the hub registry lived on A.
        Assert.Equal(3, (await changes.Next(c => c.TeamId == team.Id && c.Version == 3)).Version);
    }

    [Fact]
    public async Task A_clients_access_change_made_through_host_A_reaches_the_page_watching_the_client_on_host_B()
    {
        var team = await _hostA.CreateTeam("Buurtzorg Zuilen");
        var client = await _hostA.AddClient(team.Id, "Johanna de Groot");
        var added = await _hostA.Http.PostAsJsonAsync($"/api/clients/{client.Id}/network", new { name = "Kees de Groot", relation = "Family" }, TeamDay.Json);
        var member = Assert.Single((await added.Content.ReadFromJsonAsync<Contracts.Clients.ClientRecord>(TeamDay.Json))!.Network);
        await using var onB = await _hostB.ConnectToHub();
        var told = new HubEvents<Guid>(onB, nameof(IScheduleClient.AccessChanged));
        await onB.InvokeAsync<Buurtzorg.Host.Rounds.ClientVisits>("WatchClient", client.Id);

        var lowered = await _hostA.Http.PutAsJsonAsync($"/api/clients/{client.Id}/network/{member.Id}/access", new { access = "Agenda" }, TeamDay.Json);

        Assert.Equal(HttpStatusCode.OK, lowered.StatusCode);
        Assert.Equal(client.Id, await told.Next(id => id == client.Id));
    }

    [Fact]
    public async Task A_claim_through_host_A_reaches_the_nurse_watching_on_host_B_and_the_colleague_who_lost_sees_it_there_too()
    {
        var team = await _hostA.CreateTeam("Buurtzorg Hoograven");
        var anne = await _hostA.AddWorkingNurse(team.Id, "Anne");
        var bram = await _hostA.AddWorkingNurse(team.Id, "Bram");
        var visit = await _hostA.AddDailyVisit(team.Id, (await _hostA.AddClient(team.Id, "Johanna")).Id);
        await using var onB = await _hostB.ConnectToHub();
        var changes = new HubEvents<ScheduleChanged>(onB, nameof(IScheduleClient.ScheduleChanged));
        await onB.InvokeCoreAsync("WatchNurse", typeof(object), [anne.Id]);

        var claimed = await _hostA.As(anne.Id).PostAsJsonAsync($"/api/teams/{team.Id}/visits/{visit.Id}/claim", new { nurseId = anne.Id }, TeamDay.Json);
        var lost = await _hostB.As(bram.Id).PostAsJsonAsync($"/api/teams/{team.Id}/visits/{visit.Id}/claim", new { nurseId = bram.Id }, TeamDay.Json);

        var version = (await claimed.Content.ReadFromJsonAsync<RoundResult>(TeamDay.Json))!.Version;
        Assert.Equal([visit.Id], (await changes.Next(c => c.Version == version)).VisitIds);
        Assert.Equal(HttpStatusCode.Conflict, lost.StatusCode);
    }
}
