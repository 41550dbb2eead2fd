using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Buurtzorg.Contracts.Capacity;
using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Host.Access;
using Buurtzorg.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using static Buurtzorg.Host.Tests.Infrastructure.EventuallyExtensions;
using static Buurtzorg.Host.Tests.Infrastructure.TeamDay;

namespace Buurtzorg.Host.Tests.Security;

/// <summary>
/// A team decides who joins it. Attacks from the hostile black-box test: a nurse who moved herself
/// into any team (or founded her way out and back) and read its clients. Each test has its own
/// secure host, since the acceptances change who belongs where.
/// </summary>
public sealed class TeamAdmissionTests : IAsyncLifetime
{
    private readonly TempSqliteFile _file = new();
    private TestHost _host = null!;
    private Guid _lombok;
    private Guid _zuilen;
    private Guid _anne;
    private Guid _bram;
    private Guid _carla;
    private Guid _client;

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartSecureOnSqlite(_file.Path);
        _lombok = await _host.FoundTeam("Buurtzorg Lombok");
        _zuilen = await _host.FoundTeam("Buurtzorg Zuilen");
        _anne = await _host.Hire(_lombok, "Anne de Wit", "anne");
        _bram = await _host.Hire(_lombok, "Bram Jansen", "bram");
        _carla = await _host.Hire(_zuilen, "Carla Smit", "carla");
        _client = (await (await _host.SignIn("anne")).Http.AddClient(_lombok, "Johanna de Groot")).Id;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _file.Dispose();
    }

    [Fact]
    public async Task A_nurse_cannot_move_herself_into_another_team_to_read_its_clients()
    {
        var carla = await _host.SignIn("carla");

        // The door the attack used is gone; founding a team moves her only into that new, empty team.
        var moved = await carla.Http.PutAsJsonAsync($"/api/nurses/{_carla}/team", new { teamId = _lombok });
        Assert.True(moved.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"PUT team answered {(int)moved.StatusCode}");
        var founded = await carla.Http.PostAsJsonAsync("/api/teams", new { name = "Buurtzorg Eigen" });
        Assert.Equal(HttpStatusCode.Created, founded.StatusCode);
        var own = (await founded.Content.ReadFromJsonAsync<TeamSnapshot>(Json))!;
        Assert.Equal([_carla], own.Nurses.Select(n => n.NurseId));

        // Asking is not joining: until the team answers, she reaches nothing of it.
        Assert.Equal(HttpStatusCode.OK, (await carla.Http.PostAsJsonAsync($"/api/teams/{_lombok}/join-requests", new { message = "Mag ik erbij?" })).StatusCode);
        foreach (var path in new[] { $"/api/clients/{_client}", $"/api/clients/{_client}/care-plan", $"/api/teams/{_lombok}", $"/api/teams/{_lombok}/visits", $"/api/teams/{_lombok}/clients" })
        {
            await ProblemAssert.Problem(await carla.Http.GetAsync(path), HttpStatusCode.NotFound, "nothing here");
        }

        // Nor can she answer her own request, nor take others in.
        await ProblemAssert.Problem(await carla.Http.PostAsync($"/api/teams/{_lombok}/join-requests/{_carla}/accept", null), HttpStatusCode.NotFound, "nothing here");
        await using var hub = await carla.ConnectToHub();
        await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<object>("WatchTeam", _lombok));
        var log = _host.App.Services.GetRequiredService<AccessLog>();
        Assert.DoesNotContain(await log.ForClient(_client, 100), line => line.AccountId is not null && line.Allowed && line.Name == "carla");
    }

    [Fact]
    public async Task A_nurse_joins_only_when_a_member_accepts_and_the_history_and_access_log_name_who_accepted()
    {
        var carla = await _host.SignIn("carla");
        var anne = await _host.SignIn("anne");
        await using var anneHub = await anne.ConnectToHub();
        var heard = new HubEvents<TeamChanged>(anneHub, "TeamChanged");
        await anneHub.InvokeAsync<TeamSnapshot>("WatchTeam", _lombok);

        var asked = await carla.Http.PostAsJsonAsync($"/api/teams/{_lombok}/join-requests", new { message = "Ik verhuis naar Lombok." });
        var answer = await asked.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        // Her answer names the team and nothing of its members or clients.
        Assert.Equal(["askedAt", "nurseId", "teamId", "teamName"], answer.EnumerateObject().Select(p => p.Name).Order());

        // Her future colleagues see the request live, with her name and message.
        Assert.Equal(_carla, (await heard.Next(c => c.Kind == TeamChangeKind.JoinRequested)).NurseId);
        var waiting = Assert.Single((await anne.Http.GetFromJsonAsync<TeamSnapshot>($"/api/teams/{_lombok}", Json))!.JoinRequests!);
        Assert.Equal(("Carla Smit", "Ik verhuis naar Lombok."), (waiting.Name, waiting.Message));

        var accepted = await anne.Http.PostAsync($"/api/teams/{_lombok}/join-requests/{_carla}/accept", null);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var team = (await accepted.Content.ReadFromJsonAsync<TeamSnapshot>(Json))!;
        Assert.Equal(_anne, team.Nurses.Single(n => n.NurseId == _carla).AcceptedBy);
        Assert.Empty(team.JoinRequests!);
        Assert.Equal(_anne, (await heard.Next(c => c.Kind == TeamChangeKind.JoinAccepted)).ByNurseId);
        Assert.Equal(_anne, (await heard.Next(c => c.Kind == TeamChangeKind.NurseAdded && c.NurseId == _carla)).ByNurseId);

        // Now she is in Lombok (and no longer in Zuilen, which she left by joining).
        Assert.Equal(HttpStatusCode.OK, (await carla.Http.GetAsync($"/api/clients/{_client}/care-plan")).StatusCode);
        await ProblemAssert.Problem(await carla.Http.GetAsync($"/api/teams/{_zuilen}"), HttpStatusCode.NotFound, "nothing here");
        var log = _host.App.Services.GetRequiredService<AccessLog>();
        var grant = Assert.Single(await log.ForClient(_client, 100), line => line.Action == "grant");
        Assert.Equal(("anne", true), (grant.Name, grant.Allowed));
        Assert.Contains(_carla.ToString(), grant.What, StringComparison.Ordinal);

        // Accepting again changes nothing and grants nothing more.
        await ProblemAssert.Problem(await anne.Http.PostAsync($"/api/teams/{_lombok}/join-requests/{_carla}/accept", null), HttpStatusCode.Conflict, "in the team already");
        Assert.Single(await log.ForClient(_client, 100), line => line.Action == "grant");
    }

    [Fact]
    public async Task A_declined_nurse_stays_outside_and_her_request_cannot_be_accepted_afterwards()
    {
        var carla = await _host.SignIn("carla");
        var bram = await _host.SignIn("bram");
        await carla.Http.PostAsJsonAsync($"/api/teams/{_lombok}/join-requests", new { message = (string?)null });

        Assert.Equal(HttpStatusCode.OK, (await bram.Http.PostAsync($"/api/teams/{_lombok}/join-requests/{_carla}/decline", null)).StatusCode);
        await ProblemAssert.Problem(await bram.Http.PostAsync($"/api/teams/{_lombok}/join-requests/{_carla}/accept", null), HttpStatusCode.NotFound, "not asked");

        await ProblemAssert.Problem(await carla.Http.GetAsync($"/api/clients/{_client}"), HttpStatusCode.NotFound, "nothing here");
        var lombok = (await bram.Http.GetFromJsonAsync<TeamSnapshot>($"/api/teams/{_lombok}", Json))!;
        Assert.DoesNotContain(lombok.Nurses, n => n.NurseId == _carla);
        Assert.Empty(lombok.JoinRequests!);
    }

    [Fact]
    public async Task Leaving_is_her_own_decision_and_no_colleague_can_put_her_out_or_pull_her_in()
    {
        var anne = await _host.SignIn("anne");
        var bram = await _host.SignIn("bram");

        // A colleague can neither make her leave nor drop her from the list while her rights stay.
        await ProblemAssert.Problem(await bram.Http.DeleteAsync($"/api/nurses/{_anne}/team"), HttpStatusCode.NotFound, "nothing here");
        await ProblemAssert.Problem(await bram.Http.DeleteAsync($"/api/teams/{_lombok}/nurses/{_anne}"), HttpStatusCode.Conflict, "leaves her team herself");
        // Nor list a registered nurse of another team as theirs.
        await ProblemAssert.Problem(await bram.Http.PostAsJsonAsync($"/api/teams/{_lombok}/nurses", new { name = "Carla Smit", nurseId = _carla }), HttpStatusCode.Conflict, "by asking");
        Assert.DoesNotContain((await bram.Http.GetFromJsonAsync<TeamSnapshot>($"/api/teams/{_lombok}", Json))!.Nurses, n => n.NurseId == _carla);

        var left = await anne.Http.DeleteAsync($"/api/nurses/{_anne}/team");
        Assert.Equal(HttpStatusCode.OK, left.StatusCode);
        Assert.Null((await left.Content.ReadFromJsonAsync<NurseRecord>(Json))!.TeamId);
        await ProblemAssert.Problem(await anne.Http.GetAsync($"/api/clients/{_client}"), HttpStatusCode.NotFound, "nothing here");
        Assert.DoesNotContain((await bram.Http.GetFromJsonAsync<TeamSnapshot>($"/api/teams/{_lombok}", Json))!.Nurses, n => n.NurseId == _anne);
    }

    [Fact]
    public async Task A_nurse_who_founds_a_team_and_leaves_it_leaves_no_empty_team_listed_or_counted()
    {
        var carla = await _host.SignIn("carla");
        var founded = (await (await carla.Http.PostAsJsonAsync("/api/teams", new { name = "Buurtzorg Eendagsvlieg", region = "Utrecht" })).Content.ReadFromJsonAsync<TeamSnapshot>(Json))!;
        await Eventually(() => carla.Http.GetFromJsonAsync<CapacityOverview>("/api/capacity", Json), o => o!.Teams.Any(t => t.TeamId == founded.Id));

        Assert.Equal(HttpStatusCode.OK, (await carla.Http.DeleteAsync($"/api/nurses/{_carla}/team")).StatusCode);

        Assert.DoesNotContain((await carla.Http.GetFromJsonAsync<TeamListing[]>("/api/teams", Json))!, t => t.Id == founded.Id);
        await Eventually(() => carla.Http.GetFromJsonAsync<CapacityOverview>("/api/capacity", Json), o => o!.Teams.All(t => t.TeamId != founded.Id));
        // A team with nobody in it cannot be asked to take someone in.
        await ProblemAssert.Problem(await carla.Http.PostAsJsonAsync($"/api/teams/{founded.Id}/join-requests", new { }), HttpStatusCode.NotFound, "no team");
    }
}
