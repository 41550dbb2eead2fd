using System.Net.Http.Json;
using Buurtzorg.Contracts.Capacity;
using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Contracts.Rounds;
using Buurtzorg.Contracts.Visits;
using Buurtzorg.Host.Rounds;
using Buurtzorg.Host.Schedule;
using Buurtzorg.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using static Buurtzorg.Host.Tests.Infrastructure.TeamDay;

namespace Buurtzorg.Host.Tests.Rounds;

/// <summary>The schedule stream over a real SignalR connection: each watcher hears of what is theirs, with versions.</summary>
public sealed class RoundStreamTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    private TestHost Host => fixture.Host;

    [Fact]
    public async Task A_claim_reaches_the_team_the_nurse_and_the_client_watchers_as_one_event_with_the_new_version()
    {
        var team = await Host.CreateTeam("Buurtzorg Lombok");
        var anne = await Host.AddWorkingNurse(team.Id, "Anne de Vries");
        var client = await Host.AddClient(team.Id, "Johanna de Groot");
        var visit = await Host.AddDailyVisit(team.Id, client.Id);
        await using var teamWatch = await Watch("WatchTeam", team.Id);
        await using var nurseWatch = await Watch("WatchNurse", anne.Id);
        await using var clientWatch = await Host.ConnectToHub();
        var clientEvents = new HubEvents<ScheduleChanged>(clientWatch, nameof(IScheduleClient.ScheduleChanged));
        var before = await clientWatch.InvokeAsync<ClientVisits>("WatchClient", client.Id);

        var claimed = (await (await Host.As(anne.Id).PostAsJsonAsync($"/api/teams/{team.Id}/visits/{visit.Id}/claim", new { nurseId = anne.Id }, Json)).Content.ReadFromJsonAsync<RoundResult>(Json))!;

        foreach (var events in new[] { teamWatch.Events, nurseWatch.Events, clientEvents })
        {
            var change = await events.Next(c => c.TeamId == team.Id && c.Version == claimed.Version);
            Assert.Equal([visit.Id], change.VisitIds);
            Assert.Equal([client.Id], change.ClientIds);
            Assert.Equal([anne.Id], change.NurseIds);
        }

        Assert.Empty(before.Visits.Single(v => v.VisitId == visit.Id).NurseFirstNames);
        var after = await Host.Http.GetFromJsonAsync<ClientVisits>($"/api/clients/{client.Id}/visits", Json);
        Assert.Equal(["Anne"], after!.Visits.Single(v => v.VisitId == visit.Id).NurseFirstNames);
        Assert.Equal(ScheduleHorizon.Days, after.Visits.Count);
    }

    [Fact]
    public async Task A_nurse_watcher_does_not_hear_of_a_colleagues_visit()
    {
        var team = await Host.CreateTeam("Buurtzorg Vathorst");
        var anne = await Host.AddWorkingNurse(team.Id, "Anne");
        var bram = await Host.AddWorkingNurse(team.Id, "Bram");
        var first = await Host.AddDailyVisit(team.Id, (await Host.AddClient(team.Id, "Johanna")).Id);
        var second = await Host.AddDailyVisit(team.Id, (await Host.AddClient(team.Id, "Gerrit")).Id);
        await using var anneWatch = await Watch("WatchNurse", anne.Id);

        await Host.As(bram.Id).PostAsJsonAsync($"/api/teams/{team.Id}/visits/{first.Id}/claim", new { nurseId = bram.Id }, Json);
        var hers = await Host.As(anne.Id).PostAsJsonAsync($"/api/teams/{team.Id}/visits/{second.Id}/claim", new { nurseId = anne.Id }, Json);
        var version = (await hers.Content.ReadFromJsonAsync<RoundResult>(Json))!.Version;

        // Events of one team arrive in order: once hers is in, Bram's would have come before it.
        await anneWatch.Events.Next(c => c.Version == version);
        Assert.DoesNotContain(anneWatch.Events.Drain(), c => c.VisitIds.Contains(first.Id));
    }

    [Fact]
    public async Task Central_staff_watching_capacity_hear_when_a_nurses_availability_changes_and_read_the_new_figures()
    {
        var team = await Host.CreateTeam("Buurtzorg Zuilen");
        var anne = await Host.AddWorkingNurse(team.Id, "Anne");
        await using var connection = await Host.ConnectToHub();
        var changes = new HubEvents<CapacityChanged>(connection, nameof(IScheduleClient.CapacityChanged));
        var watched = await connection.InvokeAsync<CapacityOverview>("WatchCapacity");

        var set = await Host.Http.PutAsJsonAsync($"/api/nurses/{anne.Id}/availability",
            new { weeklyAvailability = new[] { new { day = "Monday", from = "08:00", to = "12:00" } } }, Json);
        set.EnsureSuccessStatusCode();
        var change = await changes.Next(c => c.Version > watched.Version);
        var overview = await EventuallyExtensions.Eventually(
            async () => await Host.Http.GetFromJsonAsync<CapacityOverview>("/api/capacity", Json),
            o => Morning(o!, team.Id) == 4);

        // Supply is her contract; her availability says when she works: only Monday morning now.
        Assert.Equal(28, overview!.Teams.Single(t => t.TeamId == team.Id).SupplyHoursPerWeek);

        Assert.True(change.Version > watched.Version);
        Assert.True(overview.Version >= change.Version);
    }

    private static decimal Morning(CapacityOverview overview, Guid team) =>
        overview.Teams.Single(t => t.TeamId == team).Coverage.Single(c => c.Part == PartOfDay.Morning).RosteredHoursPerWeek;

    [Fact]
    public async Task Watching_a_nurse_or_client_that_does_not_exist_is_refused_and_the_connection_stays_usable()
    {
        await using var connection = await Host.ConnectToHub();

        var nurse = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<NurseRecord>("WatchNurse", Guid.NewGuid()));
        var client = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<ClientVisits>("WatchClient", Guid.NewGuid()));

        Assert.Contains("no nurse", nurse.Message, StringComparison.Ordinal);
        Assert.Contains("no client", client.Message, StringComparison.Ordinal);
        Assert.Equal(HubConnectionState.Connected, connection.State);
    }

    private async Task<Watcher> Watch(string method, Guid id)
    {
        var connection = await Host.ConnectToHub();
        var events = new HubEvents<ScheduleChanged>(connection, nameof(IScheduleClient.ScheduleChanged));
        await connection.InvokeCoreAsync(method, typeof(object), [id]);
        return new Watcher(connection, events);
    }

    private sealed record Watcher(HubConnection Connection, HubEvents<ScheduleChanged> Events) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Connection.DisposeAsync();
    }
}
