using System.Net;
using System.Net.Http.Json;
using Buurtzorg.Contracts.Visits;
using Buurtzorg.Host.Accounts;
using Buurtzorg.Host.Nurses;
using Buurtzorg.Host.Schedule;
using Buurtzorg.Host.Tests.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Buurtzorg.Host.Tests.Access;

/// <summary>Rights end at once when the relationship ends: over HTTP and on the hub connections already open.</summary>
public sealed class RightsEndingTests(AccessWorld world) : IClassFixture<AccessWorld>
{
    [Fact]
    public async Task A_relative_whose_access_the_client_revokes_loses_it_at_once_including_an_open_watch()
    {
        var relative = world.Sessions[Who.FamilyWithAgenda];
        await using var connection = await relative.ConnectToHub();
        var ended = new HubEvents<string>(connection, nameof(IScheduleClient.WatchEnded));
        await connection.InvokeAsync<object>("WatchClient", world.ClientA);
        Assert.Equal(HttpStatusCode.OK, (await relative.Http.GetAsync($"/api/clients/{world.ClientA}/visits")).StatusCode);

        var revoked = await world.Http(Who.TheClient).PutAsJsonAsync($"/api/clients/{world.ClientA}/network/{world.RelativeWithAgenda}/access", new { access = "None" });
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);

        Assert.Equal(ScheduleGroups.Client(world.ClientA), await ended.Next(_ => true));
        await ProblemAssert.Problem(await relative.Http.GetAsync($"/api/clients/{world.ClientA}/visits"), HttpStatusCode.NotFound, "nothing here");
    }

    [Fact]
    public async Task A_nurse_who_moves_team_loses_the_old_teams_clients_at_once_including_her_open_connection()
    {
        var mediator = world.Host.App.Services.GetRequiredService<IMediator>();
        var mover = (await mediator.Send(new RegisterNurse("Dewi Visser", [Contracts.Nurses.Qualification.BasicCare], 24, 52.09, 5.12, []))).Id;
        await mediator.Send(new MoveNurse(mover, world.TeamA));
        await world.Host.OpenAccount("dewi", AccountRole.Nurse, mover);
        var session = await world.Host.SignIn("dewi");
        await using var connection = await session.ConnectToHub();
        var ended = new HubEvents<string>(connection, nameof(IScheduleClient.WatchEnded));
        var heard = new HubEvents<ScheduleChanged>(connection, nameof(IScheduleClient.ScheduleChanged));
        await connection.InvokeAsync<object>("WatchTeam", world.TeamA);
        await connection.InvokeAsync<object>("WatchClient", world.ClientA);
        Assert.Equal(HttpStatusCode.OK, (await session.Http.GetAsync($"/api/clients/{world.ClientA}/care-plan")).StatusCode);

        // She asks team B, whose nurse takes her in: she leaves team A.
        Assert.Equal(HttpStatusCode.OK, (await session.Http.PostAsJsonAsync($"/api/teams/{world.TeamB}/join-requests", new { message = "Ik verhuis naar Zuilen." })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await world.Http(Who.NurseOfAnotherTeam).PostAsync($"/api/teams/{world.TeamB}/join-requests/{mover}/accept", null)).StatusCode);

        await ProblemAssert.Problem(await session.Http.GetAsync($"/api/clients/{world.ClientA}/care-plan"), HttpStatusCode.NotFound, "nothing here");
        await ProblemAssert.Problem(await session.Http.GetAsync($"/api/teams/{world.TeamA}"), HttpStatusCode.NotFound, "nothing here");
        Assert.Equal(HttpStatusCode.OK, (await session.Http.GetAsync($"/api/teams/{world.TeamB}")).StatusCode);
        var groups = new HashSet<string> { await ended.Next(_ => true), await ended.Next(_ => true) };
        Assert.Equal(new[] { ScheduleGroups.Team(world.TeamA), ScheduleGroups.Client(world.ClientA) }.Order(), groups.Order());

        // A change in her old team now reaches the team's watchers, and not her.
        await using var colleague = await world.Sessions[Who.NurseOfTheTeam].ConnectToHub();
        var colleagueHeard = new HubEvents<ScheduleChanged>(colleague, nameof(IScheduleClient.ScheduleChanged));
        await colleague.InvokeAsync<object>("WatchTeam", world.TeamA);
        var claim = await world.Http(Who.NurseOfTheTeam).PostAsJsonAsync($"/api/teams/{world.TeamA}/visits/{world.VisitA.Id}/claim", new { nurseId = world.NurseA1 });
        Assert.Equal(HttpStatusCode.OK, claim.StatusCode);
        await colleagueHeard.Next(c => c.TeamId == world.TeamA);
        Assert.DoesNotContain(heard.Drain(), c => c.TeamId == world.TeamA);
        await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<object>("WatchTeam", world.TeamA));
    }

    [Fact]
    public async Task When_her_team_divides_a_nurse_keeps_her_new_teams_clients_and_loses_the_rest_at_once()
    {
        var parent = await world.Host.FoundTeam("Buurtzorg Ondiep");
        var first = await world.Host.Hire(parent, "Eva Mulder", "eva");
        for (var n = 1; n < 12; n++)
        {
            await world.Host.Hire(parent, $"Verpleegkundige {n}", $"ondiep-{n}");
        }

        var eva = await world.Host.SignIn("eva");
        var clients = new List<Guid>();
        foreach (var (name, street) in new[] { ("Henk Smit", "Amsterdamsestraatweg"), ("Wil Dekker", "Ondiep-Zuidzijde"), ("Ans Vos", "Royaardsstraat"), ("Joop Kok", "Nijverheidsweg") })
        {
            clients.Add((await eva.Http.AddClient(parent, name, street, "12")).Id);
        }

        await using var connection = await eva.ConnectToHub();
        var ended = new HubEvents<string>(connection, nameof(IScheduleClient.WatchEnded));
        await connection.InvokeAsync<object>("WatchTeam", parent);

        // The thirteenth nurse: the team divides in two.
        await world.Host.Hire(parent, "Verpleegkundige 13", "ondiep-13");

        var grains = world.Host.App.Services.GetRequiredService<IGrainFactory>();
        var hers = (await grains.GetGrain<Contracts.Nurses.INurseGrain>(first).Get())!.TeamId!.Value;
        Assert.NotEqual(parent, hers);
        Assert.Equal(ScheduleGroups.Team(parent), await ended.Next(_ => true));
        await ProblemAssert.Problem(await eva.Http.GetAsync($"/api/teams/{parent}"), HttpStatusCode.NotFound, "nothing here");
        Assert.Equal(HttpStatusCode.OK, (await eva.Http.GetAsync($"/api/teams/{hers}")).StatusCode);
        foreach (var client in clients)
        {
            var team = (await grains.GetGrain<Contracts.Clients.IClientGrain>(client).Get())!.Details.TeamId;
            var answer = await eva.Http.GetAsync($"/api/clients/{client}");
            Assert.Equal(team == hers ? HttpStatusCode.OK : HttpStatusCode.NotFound, answer.StatusCode);
        }
    }
}
