using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Buurtzorg.Contracts.Clients;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Contracts.Visits;
using Buurtzorg.Grains;
using Buurtzorg.Grains.Teams;
using Buurtzorg.Grains.Teams.Division;
using Buurtzorg.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using static Buurtzorg.Host.Tests.Infrastructure.EventuallyExtensions;

namespace Buurtzorg.Host.Tests.Teams;

/// <summary>
/// A team that divides loses nobody: every nurse, client and visit ends in exactly one of the two
/// new teams, also when the silo stopped halfway through the division.
/// </summary>
public sealed class TeamDivisionTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public async Task Dividing_a_team_with_nurses_clients_and_visits_conserves_all_of_them()
    {
        using var file = new TempSqliteFile();
        await using var host = await TestHost.StartOnSqlite(file.Path);
        var team = await host.CreateTeam("Buurtzorg Lombok");
        for (var i = 0; i < 12; i++)
        {
            await MoveNurseIn(host, team.Id, await RegisterNurse(host, $"Verpleegkundige {i}", west: i % 2 == 0));
        }

        for (var i = 0; i < 6; i++)
        {
            await WriteCarePlan(host, await RegisterClient(host, team.Id, west: i % 2 == 0));
        }

        var visitsBefore = await Visits(host, team.Id);
        await MoveNurseIn(host, team.Id, await RegisterNurse(host, "Nummer dertien", west: true));

        await AssertConserved(host, team.Id, nurses: 13, clientIds: [.. (await host.GetTeam(team.Id)).ClientIds.Concat(visitsBefore.Select(v => v.ClientId)).Distinct()], visitsBefore);
    }

    public static TheoryData<string> StopPoints => ["after the plan was stored", "after the first new team was founded", "after the first client was handed over"];

    [Theory]
    [MemberData(nameof(StopPoints))]
    public async Task A_division_cut_off_by_a_stopping_silo_is_finished_by_the_next_activation(string stoppedAt)
    {
        using var file = new TempSqliteFile();
        Guid teamId;
        List<Guid> clients = [];
        List<Visit> visitsBefore;
        await using (var first = await TestHost.StartOnSqlite(file.Path))
        {
            teamId = (await first.CreateTeam("Buurtzorg Overvecht")).Id;
            for (var i = 0; i < 12; i++)
            {
                await first.AddNurse(teamId, $"Verpleegkundige {i}");
            }

            for (var i = 0; i < 4; i++)
            {
                var client = await RegisterClient(first, teamId, west: i < 2);
                await WriteCarePlan(first, client);
                clients.Add(client);
            }

            visitsBefore = await Visits(first, teamId);
        }

        // A new silo on the same data, which has not activated the team yet: leave behind what a
        // silo stopped at this point would have left.
        await using var second = await TestHost.StartOnSqlite(file.Path);
        var storage = second.App.Services.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name);
        var grains = second.App.Services.GetRequiredService<IGrainFactory>();
        var key = GrainId.Create(GrainType.Create("team"), GrainIdKeyExtensions.CreateGuidKey(teamId));
        var stored = new GrainState<TeamState>();
        await storage.ReadStateAsync("team", key, stored);
        var state = stored.State!;
        state.Nurses.Add(new TeamNurseState { NurseId = Guid.NewGuid(), Name = "Nummer dertien", JoinedAt = DateTimeOffset.UtcNow });
        state.Version++;
        state.Division = new TeamDivisionPlan
        {
            Halves =
            [
                new() { TeamId = Guid.NewGuid(), Name = "Buurtzorg Overvecht West", Nurses = [.. state.Nurses.Take(7)], Clients = [.. clients.Take(2)] },
                new() { TeamId = Guid.NewGuid(), Name = "Buurtzorg Overvecht Oost", Nurses = [.. state.Nurses.Skip(7)], Clients = [.. clients.Skip(2)] },
            ],
        };
        await storage.WriteStateAsync("team", key, stored);
        var firstHalf = state.Division.Halves[0];
        if (stoppedAt != "after the plan was stored")
        {
            await grains.GetGrain<ITeamGrain>(firstHalf.TeamId).FoundFromDivision(
                teamId, firstHalf.Name, state.Region, [.. firstHalf.Nurses.Select(n => new TeamMember(n.NurseId, n.Name, n.JoinedAt))], firstHalf.Clients);
        }

        if (stoppedAt == "after the first client was handed over")
        {
            await grains.GetGrain<ITeamScheduleGrain>(teamId).HandOverClient(firstHalf.Clients[0], firstHalf.TeamId, [.. firstHalf.Nurses.Select(n => n.NurseId)]);
        }

        await AssertConserved(second, teamId, nurses: 13, clientIds: clients, visitsBefore);
    }

    [Fact]
    public async Task After_a_division_no_visit_is_left_with_a_nurse_of_the_other_team_and_each_nurse_keeps_her_round_order()
    {
        using var file = new TempSqliteFile();
        await using var host = await TestHost.StartOnSqlite(file.Path);
        var team = await host.CreateTeam("Buurtzorg Wittevrouwen");
        var nurses = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            nurses.Add((await host.AddWorkingNurse(team.Id, $"Verpleegkundige {i}")).Id);
        }

        // A client every nurse has a visit of: whichever half takes her, the other half's nurses
        // had visits of hers, which must not stay theirs.
        var shared = await host.AddClient(team.Id, "Johanna de Groot");
        await host.AddDailyVisit(team.Id, shared.Id);
        var sharedVisits = (await Visits(host, team.Id)).Where(v => v.ClientId == shared.Id).OrderBy(v => v.Date).ToList();
        for (var i = 0; i < nurses.Count; i++)
        {
            await Claim(host, team.Id, sharedVisits[i].Id, nurses[i]);
        }

        // Four nurses with two clients of their own, who put today's visits in an order of their own.
        var orders = new Dictionary<Guid, List<(Guid VisitId, TimeOnly? Start)>>();
        for (var i = 0; i < 4; i++)
        {
            for (var c = 0; c < 2; c++)
            {
                var client = await host.AddClient(team.Id, $"Cliënt {i}-{c}");
                await Claim(host, team.Id, (await host.AddDailyVisit(team.Id, client.Id, windowStart: "08:00", windowEnd: "12:00")).Id, nurses[i]);
            }

            var order = (await RoundOrder(host, team.Id, nurses[i])).Select(s => s.VisitId).Reverse()
                .Select((visit, at) => (visit, at == 0 ? new TimeOnly(9, 15) : (TimeOnly?)null)).ToList();
            var planned = await host.As(nurses[i]).PutAsJsonAsync(
                $"/api/teams/{team.Id}/rounds/{nurses[i]}/{TeamDay.Today:yyyy-MM-dd}",
                new { stops = order.Select(s => new { visitId = s.Item1, start = s.Item2 }) },
                Json);
            Assert.Equal(HttpStatusCode.OK, planned.StatusCode);
            orders[nurses[i]] = order;
            Assert.Equal(order, await RoundOrder(host, team.Id, nurses[i]));
        }

        var before = await Visits(host, team.Id);
        await using var connection = await host.ConnectToHub();
        var events = new System.Collections.Concurrent.ConcurrentQueue<ScheduleChanged>();
        connection.On<ScheduleChanged>(nameof(Buurtzorg.Host.Schedule.IScheduleClient.ScheduleChanged), events.Enqueue);
        foreach (var nurse in nurses)
        {
            await connection.InvokeAsync<JsonElement>("WatchNurse", nurse);
        }

        await MoveNurseIn(host, team.Id, await RegisterNurse(host, "Nummer dertien", west: true));

        var parent = await host.GetTeam(team.Id);
        Assert.True(parent.IsDivided);
        var children = await Task.WhenAll(parent.ChildTeamIds.Select(host.GetTeam));
        var teamOfNurse = children.SelectMany(c => c.Nurses.Select(n => (n.NurseId, c.Id))).ToDictionary(p => p.NurseId, p => p.Id);
        var teamOfClient = children.SelectMany(c => c.ClientIds.Select(client => (client, c.Id))).ToDictionary(p => p.client, p => p.Id);
        var after = new Dictionary<Guid, Visit>();
        foreach (var child in children)
        {
            foreach (var visit in await Visits(host, child.Id))
            {
                // (a) Every visit of a team is only its own nurses'.
                Assert.All(visit.AssignedNurses, n => Assert.Equal(child.Id, teamOfNurse[n]));
                after[visit.Id] = visit;
            }
        }

        // (b) A visit whose nurse went to the other team is open again in the client's team,
        // changed by nobody, and that team's event named the visit and her; the others kept theirs.
        var taken = before.SelectMany(v => v.AssignedNurses.Select(n => (Visit: v, Nurse: n))).ToList();
        var orphaned = taken.Where(t => teamOfNurse[t.Nurse] != teamOfClient[t.Visit.ClientId]).ToList();
        Assert.InRange(orphaned.Count, 5, 7);
        foreach (var (visit, nurse) in orphaned)
        {
            var now = after[visit.Id];
            Assert.Equal(VisitStatus.Open, now.Status);
            Assert.Empty(now.AssignedNurses);
            Assert.Null(now.ChangedBy);
            await Eventually(
                () => Task.FromResult(events.ToList()),
                seen => seen.Exists(e => e.TeamId == teamOfClient[visit.ClientId] && e.VisitIds.Contains(visit.Id) && e.NurseIds.Contains(nurse)));
        }

        foreach (var (visit, nurse) in taken.Except(orphaned))
        {
            Assert.Contains(nurse, after[visit.Id].AssignedNurses);
        }

        // (c) Her chosen order (and fixed start) of the visits that stayed hers, in her new team.
        foreach (var (nurse, order) in orders)
        {
            var stillHers = order.Where(s => after[s.VisitId].AssignedNurses.Contains(nurse)).ToList();
            Assert.True(stillHers.Count >= 2);
            Assert.Equal(stillHers, await RoundOrder(host, teamOfNurse[nurse], nurse));
        }
    }

    /// <summary>
    /// The demo's Monday through the real grains: seven nurses have all the visits, six (the
    /// thirteenth among them) none. Both new teams must get clients, with a share of the demand
    /// (the hours a week the care plans ask) within the tolerance of their share of the contract hours.
    /// </summary>
    [Fact]
    public async Task Nurses_without_visits_divide_into_teams_whose_demand_follows_their_contract_hours()
    {
        using var file = new TempSqliteFile();
        await using var host = await TestHost.StartOnSqlite(file.Path);
        var team = await host.CreateTeam("Buurtzorg Zuilen");
        int[] hours = [24, 32, 16, 28, 24, 20, 32, 16, 16, 20, 24, 28, 32];
        var nurses = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            nurses.Add((await host.AddWorkingNurse(team.Id, $"Verpleegkundige {i}", contractHours: hours[i])).Id);
        }

        // A daily visit each, of 10-35 minutes; nurses 0-6 took today's visits of all but the last.
        var minutes = new Dictionary<Guid, int>();
        for (var i = 0; i < 13; i++)
        {
            var client = await host.AddClient(team.Id, $"Cliënt {i}");
            minutes[client.Id] = 10 + (5 * (i % 6));
            var visit = await host.AddDailyVisit(team.Id, client.Id, minutes: minutes[client.Id]);
            if (i < 12)
            {
                await Claim(host, team.Id, visit.Id, nurses[i % 7]);
            }
        }

        nurses.Add((await host.AddWorkingNurse(team.Id, "Nummer dertien", contractHours: hours[12])).Id);

        var parent = await host.GetTeam(team.Id);
        Assert.True(parent.IsDivided);
        var children = await Task.WhenAll(parent.ChildTeamIds.Select(host.GetTeam));
        var contract = nurses.Zip(hours).ToDictionary(p => p.First, p => (double)p.Second);
        foreach (var child in children)
        {
            Assert.NotEmpty(child.ClientIds);
            var demandShare = child.ClientIds.Sum(c => minutes[c]) / (double)minutes.Values.Sum();
            var contractShare = child.Nurses.Sum(n => contract[n.NurseId]) / contract.Values.Sum();
            Assert.InRange(demandShare - contractShare, -TeamDivision.BalanceTolerance, TeamDivision.BalanceTolerance);
        }

        // Each visit stayed with the nurse who took it: balance did not cost continuity here.
        var visits = new List<Visit>();
        foreach (var child in children)
        {
            visits.AddRange(await Visits(host, child.Id));
        }

        Assert.Equal(12, visits.Count(v => v.Date == TeamDay.Today && v.AssignedNurses.Count == 1));
    }

    private static async Task Claim(TestHost host, Guid teamId, Guid visitId, Guid nurseId)
    {
        var response = await host.As(nurseId).PostAsJsonAsync($"/api/teams/{teamId}/visits/{visitId}/claim", new { });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("None", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    /// <summary>Her round of today as she reads it: each stop's visit, and its start where she fixed it.</summary>
    private static async Task<List<(Guid VisitId, TimeOnly? Start)>> RoundOrder(TestHost host, Guid teamId, Guid nurseId)
    {
        var round = await host.As(nurseId).GetFromJsonAsync<JsonElement>($"/api/teams/{teamId}/rounds/{nurseId}/{TeamDay.Today:yyyy-MM-dd}", Json);
        return [.. round.GetProperty("stops").EnumerateArray().Select(s => s.GetProperty("stop")).Select(s => (
            s.GetProperty("visit").GetProperty("id").GetGuid(),
            s.GetProperty("startFixed").GetBoolean() ? TimeOnly.Parse(s.GetProperty("plannedStart").GetString()!, System.Globalization.CultureInfo.InvariantCulture) : (TimeOnly?)null))];
    }

    private static async Task AssertConserved(TestHost host, Guid parentId, int nurses, IReadOnlyList<Guid> clientIds, List<Visit> visitsBefore)
    {
        var parent = await host.GetTeam(parentId);
        Assert.True(parent.IsDivided);
        Assert.Empty(parent.Nurses);
        Assert.Empty(parent.ClientIds);
        var children = await Task.WhenAll(parent.ChildTeamIds.Select(host.GetTeam));
        Assert.Equal([6, 7], children.Select(c => c.Nurses.Count).Order());
        Assert.Equal(nurses, children.SelectMany(c => c.Nurses).Select(n => n.NurseId).Distinct().Count());
        Assert.Equal(clientIds.Order(), children.SelectMany(c => c.ClientIds).Order());

        Assert.Empty(await Visits(host, parentId));
        var visitsAfter = new List<Visit>();
        foreach (var child in children)
        {
            var visits = await Visits(host, child.Id);
            Assert.All(visits, v => Assert.Contains(v.ClientId, child.ClientIds));
            visitsAfter.AddRange(visits);
            foreach (var clientId in child.ClientIds)
            {
                await Eventually(
                    async () => (await host.Http.GetFromJsonAsync<ClientRecord>($"/api/clients/{clientId}", Json))!.Details.TeamId,
                    team => team == child.Id);
            }
        }

        Assert.Equal(visitsBefore.Select(v => v.Id).Order(), visitsAfter.Select(v => v.Id).Order());
    }

    private static async Task<List<Visit>> Visits(TestHost host, Guid teamId) =>
        [.. (await host.Http.GetFromJsonAsync<ScheduleView>($"/api/teams/{teamId}/visits", Json))!.Visits];

    private static async Task<Guid> RegisterNurse(TestHost host, string name, bool west)
    {
        var response = await host.Http.PostAsync("/api/nurses", Body($$"""
            {"name":"{{name}}","qualifications":["BasicCare"],"contractHoursPerWeek":24,
             "home":{"latitude":52.09,"longitude":{{(west ? "5.08" : "5.16")}}},"weeklyAvailability":[]}
            """));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>She asks to join and the team's first nurse (or, in an empty team, anyone) accepts.</summary>
    private static async Task MoveNurseIn(TestHost host, Guid teamId, Guid nurseId)
    {
        Assert.Equal(HttpStatusCode.OK, (await host.As(nurseId).PostAsJsonAsync($"/api/teams/{teamId}/join-requests", new { })).StatusCode);
        var member = (await host.GetTeam(teamId)).Nurses.FirstOrDefault()?.NurseId ?? Guid.NewGuid();
        Assert.Equal(HttpStatusCode.OK, (await host.As(member).PostAsync($"/api/teams/{teamId}/join-requests/{nurseId}/accept", null)).StatusCode);
    }

    private static async Task<Guid> RegisterClient(TestHost host, Guid teamId, bool west)
    {
        var response = await host.Http.PostAsync($"/api/teams/{teamId}/clients", Body($$"""
            {"name":"Cliënt","dateOfBirth":"1940-01-01",
             "address":{"street":"Kanaalstraat","houseNumber":"12","postcode":"3531 CJ","city":"Utrecht","latitude":52.09,"longitude":{{(west ? "5.085" : "5.155")}}},
             "phone":"0301234567","teamId":"{{teamId}}","indicationHoursPerWeek":3,"startDate":"2026-11-02"}
            """));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ClientRecord>(Json))!.Id;
    }

    private static async Task WriteCarePlan(TestHost host, Guid clientId)
    {
        var response = await host.Http.PutAsync($"/api/clients/{clientId}/care-plan/problems/42", Body($$"""
            {"expectedVersion":0,"changedBy":"{{Guid.NewGuid()}}","scope":"Individual","type":"Potential","signsAndSymptoms":[],
             "interventions":[{"category":"TreatmentsAndProcedures","targetCode":39,"description":"Medicatie aanreiken",
               "timesPerPeriod":1,"period":"Day","windowStart":"08:00","windowEnd":"10:00","durationMinutes":10,"twoNurses":false,"performedBy":"Team"}]}
            """));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");
}
