using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Buurtzorg.Contracts.CarePlans;
using Buurtzorg.Contracts.CarePlans.Omaha;
using Buurtzorg.Contracts.Clients;
using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Contracts.Visits;
using Buurtzorg.Grains;
using Buurtzorg.Grains.Visits;
using Buurtzorg.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Buurtzorg.Host.Tests.Visits;

/// <summary>The team's visits follow its clients' care plans, end to end over HTTP and SignalR.</summary>
public sealed class VisitsApiTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static readonly Guid Nurse = Guid.NewGuid();

    private HttpClient Http => fixture.Host.Http;

    [Fact]
    public async Task A_team_intervention_in_a_care_plan_puts_its_visits_on_the_team_schedule_and_watchers_hear_of_it()
    {
        var team = await fixture.Host.CreateTeam("Buurtzorg Lombok");
        var client = await RegisterClient(team.Id);
        await using var connection = await fixture.Host.ConnectToHub();
        var changes = new HubEvents<ScheduleChanged>(connection, nameof(Buurtzorg.Host.Schedule.IScheduleClient.ScheduleChanged));
        await connection.InvokeAsync<TeamSnapshot>("WatchTeam", team.Id);

        await WriteMedication(client, expectedVersion: 0, interventionId: Guid.NewGuid());
        var view = await Http.GetFromJsonAsync<ScheduleView>($"/api/teams/{team.Id}/visits", Json);
        var pushed = await changes.Next(c => c.TeamId == team.Id);

        Assert.Equal(ScheduleHorizon.Days * 2, view!.Visits.Count(v => v.ClientId == client));
        Assert.All(view.Visits, v => Assert.Equal(Qualification.InjectionsAndMedication, v.RequiredQualification));
        Assert.Equal(view.Version, pushed.Version);
        Assert.Equal(view.Visits.Select(v => v.Id).Order(), pushed.VisitIds.Order());
    }

    [Fact]
    public async Task A_visit_a_nurse_already_has_is_cancelled_and_marked_when_the_plan_drops_it_never_silently_removed()
    {
        var team = await fixture.Host.CreateTeam("Buurtzorg Overvecht");
        var client = await RegisterClient(team.Id);
        var dropped = Guid.NewGuid();
        var today = DutchCalendar.Today(TimeProvider.System);
        var assigned = new Visit(Guid.NewGuid(), client, dropped, today, 0, new(8, 0), new(10, 0), 15, null, 1, [Nurse], VisitStatus.Open, VisitMark.None, 1);
        var storage = fixture.Host.App.Services.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name);
        await storage.WriteStateAsync("team-schedule", GrainId.Create(GrainType.Create("teamschedule"), GrainIdKeyExtensions.CreateGuidKey(team.Id)),
            new GrainState<TeamScheduleState>(new TeamScheduleState { Version = 1, GeneratedFrom = today, Visits = [assigned] }));

        await WriteMedication(client, expectedVersion: 0, interventionId: Guid.NewGuid());
        var view = await Http.GetFromJsonAsync<ScheduleView>($"/api/teams/{team.Id}/visits", Json);

        var kept = Assert.Single(view!.Visits, v => v.Id == assigned.Id);
        Assert.Equal((VisitStatus.Cancelled, VisitMark.NoLongerInCarePlan, Nurse), (kept.Status, kept.Mark, kept.AssignedNurses.Single()));
        Assert.Equal(ScheduleHorizon.Days * 2, view.Visits.Count(v => v.Status == VisitStatus.Open));
    }

    [Fact]
    public async Task Pausing_a_client_takes_their_open_visits_off_the_schedule_and_resuming_puts_them_back()
    {
        var team = await fixture.Host.CreateTeam("Buurtzorg Houten");
        var client = await RegisterClient(team.Id);
        await WriteMedication(client, expectedVersion: 0, interventionId: Guid.NewGuid());

        await Http.PutAsync($"/api/clients/{client}/status", new StringContent("""{"status":"Paused"}""", Encoding.UTF8, "application/json"));
        var paused = await Http.GetFromJsonAsync<ScheduleView>($"/api/teams/{team.Id}/visits", Json);
        await Http.PutAsync($"/api/clients/{client}/status", new StringContent("""{"status":"Active"}""", Encoding.UTF8, "application/json"));
        var resumed = await Http.GetFromJsonAsync<ScheduleView>($"/api/teams/{team.Id}/visits", Json);

        Assert.Empty(paused!.Visits);
        Assert.Equal(ScheduleHorizon.Days * 2, resumed!.Visits.Count);
    }

    [Fact]
    public async Task Asking_for_visits_of_an_unknown_team_is_a_404_and_a_backwards_or_too_long_range_a_400()
    {
        var team = await fixture.Host.CreateTeam("Buurtzorg Zeist");

        await ProblemAssert.Problem(await Http.GetAsync($"/api/teams/{Guid.NewGuid()}/visits"), HttpStatusCode.NotFound, "no team");
        await ProblemAssert.Problem(await Http.GetAsync($"/api/teams/{team.Id}/visits?from=2026-12-10&to=2026-12-01"), HttpStatusCode.BadRequest, "to");
        await ProblemAssert.Problem(await Http.GetAsync($"/api/teams/{team.Id}/visits?from=2026-01-01&to=2026-12-31"), HttpStatusCode.BadRequest, "to");
        await ProblemAssert.Problem(await Http.GetAsync($"/api/teams/{team.Id}/visits?from=morgen"), HttpStatusCode.BadRequest, "from");
    }

    private async Task<Guid> RegisterClient(Guid teamId)
    {
        var response = await Http.PostAsync($"/api/teams/{teamId}/clients", new StringContent($$"""
            {"name":"Johanna de Groot","dateOfBirth":"1938-04-17",
             "address":{"street":"Oudegracht","houseNumber":"231","postcode":"3511 NK","city":"Utrecht","latitude":52.0894,"longitude":5.1196},
             "phone":"0302314567","teamId":"{{teamId}}","indicationHoursPerWeek":4.5,"startDate":"2026-11-02"}
            """, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ClientRecord>(Json))!.Id;
    }

    private async Task WriteMedication(Guid client, int expectedVersion, Guid interventionId)
    {
        var response = await Http.PutAsync($"/api/clients/{client}/care-plan/problems/{(int)42}", new StringContent($$"""
            {"expectedVersion":{{expectedVersion}},"changedBy":"{{Nurse}}","scope":"Individual","type":"Potential","signsAndSymptoms":[],
             "interventions":[{"id":"{{interventionId}}","category":"{{InterventionCategory.TreatmentsAndProcedures}}","targetCode":39,"description":"Insuline spuiten",
               "timesPerPeriod":2,"period":"Day","windowStart":"07:00","windowEnd":"21:00","durationMinutes":15,
               "requiredQualification":"InjectionsAndMedication","twoNurses":false,"performedBy":"{{Performer.Team}}"}]}
            """, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
