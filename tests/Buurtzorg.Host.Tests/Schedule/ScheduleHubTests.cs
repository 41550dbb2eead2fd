using Buurtzorg.Contracts.Teams;
using Buurtzorg.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Buurtzorg.Host.Tests.Schedule;

/// <summary>The real SignalR client over a real Kestrel port, watching teams.</summary>
public sealed class ScheduleHubTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    private TestHost Host => fixture.Host;

    [Fact]
    public async Task A_watcher_gets_the_current_team_and_then_each_change_with_its_new_version()
    {
        var team = await Host.CreateTeam("Buurtzorg Lombok");
        await using var connection = await Host.ConnectToHub();
        var changes = new HubEvents<TeamChanged>(connection, nameof(Buurtzorg.Host.Schedule.IScheduleClient.TeamChanged));

        var watched = await connection.InvokeAsync<TeamSnapshot>("WatchTeam", team.Id);
        var added = await Host.AddNurse(team.Id, "Anna de Vries");
        // Events can reach a new watcher late (they are batched), so, like the browser, it takes
        // only what is newer than the snapshot the watch returned.
        var change = await changes.Next(c => c.TeamId == team.Id && c.Version > watched.Version);

        Assert.Equal(1, watched.Version);
        Assert.Equal(TeamChangeKind.NurseAdded, change.Kind);
        Assert.Equal(added.Version, change.Version);
        Assert.Equal(added.Nurses.Single().NurseId, change.NurseId);
    }

    [Fact]
    public async Task A_watcher_of_another_team_does_not_receive_the_change()
    {
        var watchedTeam = await Host.CreateTeam("Buurtzorg Vathorst");
        var otherTeam = await Host.CreateTeam("Buurtzorg Overvecht");
        await using var connection = await Host.ConnectToHub();
        var changes = new HubEvents<TeamChanged>(connection, nameof(Buurtzorg.Host.Schedule.IScheduleClient.TeamChanged));
        await connection.InvokeAsync<TeamSnapshot>("WatchTeam", watchedTeam.Id);

        // Changes travel in the order they were stored: had the other team's change been sent to
        // this watcher, it would arrive before the watched team's, which comes after it.
        await Host.AddNurse(otherTeam.Id, "Sanne Bakker");
        await Host.AddNurse(watchedTeam.Id, "Fatima el Amrani");
        var first = await changes.Next(c => c.Kind == TeamChangeKind.NurseAdded);

        Assert.Equal(watchedTeam.Id, first.TeamId);
        Assert.DoesNotContain(changes.Drain(), c => c.TeamId == otherTeam.Id);
    }

    [Fact]
    public async Task After_unwatching_a_team_its_changes_stop_arriving()
    {
        var left = await Host.CreateTeam("Buurtzorg Zeist");
        var kept = await Host.CreateTeam("Buurtzorg Houten");
        await using var connection = await Host.ConnectToHub();
        var changes = new HubEvents<TeamChanged>(connection, nameof(Buurtzorg.Host.Schedule.IScheduleClient.TeamChanged));
        await connection.InvokeAsync<TeamSnapshot>("WatchTeam", left.Id);
        await connection.InvokeAsync<TeamSnapshot>("WatchTeam", kept.Id);

        await connection.InvokeAsync("UnwatchTeam", left.Id);
        await Host.AddNurse(left.Id, "Lotte Jansen");
        await Host.AddNurse(kept.Id, "Emma Visser");

        Assert.Equal(kept.Id, (await changes.Next(c => c.Kind == TeamChangeKind.NurseAdded)).TeamId);
    }

    [Fact]
    public async Task Watching_a_team_that_does_not_exist_is_refused_with_a_clear_message()
    {
        await using var connection = await Host.ConnectToHub();

        var refused = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<TeamSnapshot>("WatchTeam", Guid.NewGuid()));

        Assert.Contains("There is no team with id", refused.Message, StringComparison.Ordinal);
        Assert.Equal(HubConnectionState.Connected, connection.State);
    }

    [Fact]
    public async Task A_watch_call_with_an_argument_of_the_wrong_type_is_refused_and_the_connection_stays_usable()
    {
        var team = await Host.CreateTeam("Buurtzorg Centrum");
        await using var connection = await Host.ConnectToHub();

        await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<TeamSnapshot>("WatchTeam", "not-a-team-id"));

        Assert.Equal(team.Id, (await connection.InvokeAsync<TeamSnapshot>("WatchTeam", team.Id)).Id);
    }
}
