using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Host.Tests.Infrastructure;
using static Buurtzorg.Host.Tests.Infrastructure.EventuallyExtensions;
using Microsoft.Extensions.DependencyInjection;

namespace Buurtzorg.Host.Tests.Nurses;

/// <summary>Nurses over real HTTP: profile, availability, absences and moving between teams.</summary>
public sealed class NursesApiTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private HttpClient Http => fixture.Host.Http;

    private static JsonObject ValidNurse() => JsonNode.Parse("""
        {
          "name": "Sanne Bakker",
          "qualifications": ["WoundCare", "BasicCare", "InjectionsAndMedication", "BasicCare"],
          "contractHoursPerWeek": 28,
          "home": { "latitude": 52.0841, "longitude": 5.1302 },
          "weeklyAvailability": [
            { "day": "Tuesday", "from": "07:30", "to": "12:30" },
            { "day": "Monday", "from": "07:30", "to": "12:30" },
            { "day": "Monday", "from": "16:30", "to": "21:00" }
          ]
        }
        """)!.AsObject();

    private async Task<NurseRecord> Register()
    {
        var response = await Http.PostAsync("/api/nurses", Body(ValidNurse()));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<NurseRecord>(Json))!;
    }

    [Fact]
    public async Task A_registered_nurse_has_her_qualifications_once_and_her_week_in_order_and_no_team_yet()
    {
        var nurse = await Register();

        var read = await Http.GetFromJsonAsync<NurseRecord>($"/api/nurses/{nurse.Id}", Json);

        Assert.Equal([Qualification.BasicCare, Qualification.WoundCare, Qualification.InjectionsAndMedication], read!.Profile.Qualifications);
        Assert.Equal([(DayOfWeek.Monday, new TimeOnly(7, 30)), (DayOfWeek.Monday, new TimeOnly(16, 30)), (DayOfWeek.Tuesday, new TimeOnly(7, 30))],
            read.Profile.WeeklyAvailability.Select(s => (s.Day, s.From)));
        Assert.Null(read.TeamId);
    }

    public static TheoryData<string, string?, string> BadNurseFields => new()
    {
        { "name", "\"\"", "name" },
        { "qualifications", "[]", "qualifications" },
        { "qualifications", "[\"Surgery\"]", "qualifications[0]" },
        { "contractHoursPerWeek", "61", "contractHoursPerWeek" },
        { "contractHoursPerWeek", "0", "contractHoursPerWeek" },
        { "home", "{\"latitude\":40.4,\"longitude\":-3.7}", "home" },
        { "home", null, "home" },
        { "weeklyAvailability", "[{\"day\":\"Monday\",\"from\":\"12:00\",\"to\":\"08:00\"}]", "weeklyAvailability[0].to" },
        { "weeklyAvailability", "[{\"day\":\"Funday\",\"from\":\"08:00\",\"to\":\"12:00\"}]", "weeklyAvailability[0].day" },
        { "weeklyAvailability", "[{\"day\":\"Monday\",\"from\":\"08:00\",\"to\":\"12:00\"},{\"day\":\"Monday\",\"from\":\"11:00\",\"to\":\"14:00\"}]", "weeklyAvailability[1]" },
    };

    [Theory]
    [MemberData(nameof(BadNurseFields))]
    public async Task A_nurse_with_a_bad_field_is_a_400_naming_it(string field, string? json, string named)
    {
        var body = ValidNurse();
        body[field] = json is null ? null : JsonNode.Parse(json);

        await ProblemAssert.Problem(await Http.PostAsync("/api/nurses", Body(body)), HttpStatusCode.BadRequest, named);
    }

    [Fact]
    public async Task Availability_and_absences_change_and_bad_absences_are_refused()
    {
        var nurse = await Register();

        var week = await Http.PutAsync($"/api/nurses/{nurse.Id}/availability", Body(JsonNode.Parse("""{"weeklyAvailability":[{"day":"Friday","from":"08:00","to":"13:00"}]}""")!));
        var leave = await Http.PostAsync($"/api/nurses/{nurse.Id}/absences", Body(JsonNode.Parse($$"""{"from":"{{Day(10)}}","to":"{{Day(24)}}","reason":"Leave","note":"Vakantie"}""")!));
        var absence = Assert.Single((await leave.Content.ReadFromJsonAsync<NurseRecord>(Json))!.Absences);
        var backwards = await Http.PostAsync($"/api/nurses/{nurse.Id}/absences", Body(JsonNode.Parse($$"""{"from":"{{Day(24)}}","to":"{{Day(10)}}","reason":"Sick"}""")!));
        var noReason = await Http.PostAsync($"/api/nurses/{nurse.Id}/absences", Body(JsonNode.Parse($$"""{"from":"{{Day(1)}}","to":"{{Day(1)}}"}""")!));
        var removed = await Http.DeleteAsync($"/api/nurses/{nurse.Id}/absences/{absence.Id}");

        Assert.Equal([DayOfWeek.Friday], (await week.Content.ReadFromJsonAsync<NurseRecord>(Json))!.Profile.WeeklyAvailability.Select(s => s.Day));
        Assert.Equal((AbsenceReason.Leave, 14), (absence.Reason, absence.To.DayNumber - absence.From.DayNumber));
        await ProblemAssert.Problem(backwards, HttpStatusCode.BadRequest, "to");
        await ProblemAssert.Problem(noReason, HttpStatusCode.BadRequest, "reason");
        Assert.Empty((await removed.Content.ReadFromJsonAsync<NurseRecord>(Json))!.Absences);
        await ProblemAssert.Problem(await Http.DeleteAsync($"/api/nurses/{nurse.Id}/absences/{absence.Id}"), HttpStatusCode.NotFound, "no such absence");
    }

    [Fact]
    public async Task Moving_between_teams_keeps_her_in_exactly_one_team_and_keeps_the_history()
    {
        var nurse = await Register();
        var lombok = await fixture.Host.CreateTeam("Buurtzorg Lombok");
        var overvecht = await fixture.Host.CreateTeam("Buurtzorg Overvecht");

        await Move(nurse.Id, lombok.Id, HttpStatusCode.OK);
        var moved = await Move(nurse.Id, overvecht.Id, HttpStatusCode.OK);
        var record = (await moved.Content.ReadFromJsonAsync<NurseRecord>(Json))!;

        Assert.Equal(overvecht.Id, record.TeamId);
        Assert.Equal([(lombok.Id, true), (overvecht.Id, false)], record.Memberships.Select(m => (m.TeamId, m.Until is not null)));
        // She was Lombok's only nurse and it had no clients: it retired, unlisted.
        await ProblemAssert.Problem(await Http.GetAsync($"/api/teams/{lombok.Id}"), HttpStatusCode.NotFound, "no team");
        Assert.DoesNotContain(await Http.GetFromJsonAsync<TeamListing[]>("/api/teams", Json) ?? [], t => t.Id == lombok.Id);
        Assert.Equal("Sanne Bakker", Assert.Single((await fixture.Host.GetTeam(overvecht.Id)).Nurses).Name);
    }

    [Fact]
    public async Task Moving_into_a_full_team_divides_it_and_she_ends_in_exactly_one_of_the_two_new_teams()
    {
        var nurse = await Register();
        var home = await fixture.Host.CreateTeam("Buurtzorg Zeist");
        var full = await fixture.Host.CreateTeam("Buurtzorg Houten");
        for (var i = 0; i < 12; i++)
        {
            await fixture.Host.AddNurse(full.Id, $"Verpleegkundige {i}");
        }

        await Move(nurse.Id, home.Id, HttpStatusCode.OK);
        await Move(nurse.Id, full.Id, HttpStatusCode.OK);
        var divided = await fixture.Host.GetTeam(full.Id);

        Assert.True(divided.IsDivided);
        var children = await Task.WhenAll(divided.ChildTeamIds.Select(fixture.Host.GetTeam));
        var hers = Assert.Single(children, c => c.Nurses.Any(n => n.NurseId == nurse.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync($"/api/teams/{home.Id}")).StatusCode);

        // The division waits for her record to follow, so it is right as soon as the move answers.
        var record = await Http.GetFromJsonAsync<NurseRecord>($"/api/nurses/{nurse.Id}", Json);
        Assert.Equal(hers.Id, record!.TeamId);
        Assert.Equal([home.Id, full.Id, hers.Id], record.Memberships.Select(m => m.TeamId));
    }

    [Fact]
    public async Task Moving_into_an_unknown_or_divided_team_is_refused_and_she_stays_where_she_was()
    {
        var nurse = await Register();
        var home = await fixture.Host.CreateTeam("Buurtzorg Centrum");
        var divided = await fixture.Host.CreateTeam("Buurtzorg Wyck");
        for (var i = 0; i < 13; i++)
        {
            await fixture.Host.AddNurse(divided.Id, $"Verpleegkundige {i}");
        }

        await Move(nurse.Id, home.Id, HttpStatusCode.OK);
        await ProblemAssert.Problem(await Move(nurse.Id, divided.Id, HttpStatusCode.Conflict), HttpStatusCode.Conflict, "divided");
        await ProblemAssert.Problem(await Move(nurse.Id, Guid.NewGuid(), HttpStatusCode.NotFound), HttpStatusCode.NotFound, "no team");

        var read = await Http.GetFromJsonAsync<NurseRecord>($"/api/nurses/{nurse.Id}", Json);
        Assert.Equal((home.Id, 1), (read!.TeamId, read.Memberships.Count));
        Assert.Contains((await fixture.Host.GetTeam(home.Id)).Nurses, n => n.NurseId == nurse.Id);
    }

    [Fact]
    public async Task A_move_interrupted_after_it_was_stored_is_finished_right_after_the_nurse_is_next_activated()
    {
        // The state a silo leaves behind when it stops right after storing the intent to move.
        var team = await fixture.Host.CreateTeam("Buurtzorg Vathorst");
        var nurseId = Guid.NewGuid();
        var interrupted = new Grains.Nurses.NurseState
        {
            Version = 1,
            Profile = new NurseProfile("Fatima el Amrani", [Qualification.BasicCare], 32, new(52.19, 5.42), []),
            MovingTo = team.Id,
        };
        var storage = fixture.Host.App.Services.GetRequiredKeyedService<Orleans.Storage.IGrainStorage>(Grains.GrainStorage.Name);
        await storage.WriteStateAsync("nurse", GrainId.Create(GrainType.Create("nurse"), GrainIdKeyExtensions.CreateGuidKey(nurseId)), new GrainState<Grains.Nurses.NurseState>(interrupted));

        // The first read activates her; the move is finished in the turn right after (not inside
        // the activation, where waiting on a dividing team could deadlock).
        var nurse = await Eventually(async () => await Http.GetFromJsonAsync<NurseRecord>($"/api/nurses/{nurseId}", Json), n => n!.TeamId is not null);

        Assert.Equal(team.Id, nurse!.TeamId);
        Assert.Equal(team.Id, Assert.Single(nurse.Memberships).TeamId);
        Assert.Equal(nurseId, Assert.Single((await fixture.Host.GetTeam(team.Id)).Nurses).NurseId);
    }

    [Fact]
    public async Task Every_nurse_endpoint_answers_404_for_a_nurse_that_does_not_exist()
    {
        var unknown = Guid.NewGuid();
        var team = await fixture.Host.CreateTeam("Buurtzorg Centrum");

        await ProblemAssert.Problem(await Http.GetAsync($"/api/nurses/{unknown}"), HttpStatusCode.NotFound, "no nurse");
        await ProblemAssert.Problem(await Http.PutAsync($"/api/nurses/{unknown}/availability", Body(JsonNode.Parse("""{"weeklyAvailability":[]}""")!)), HttpStatusCode.NotFound, "no nurse");
        await ProblemAssert.Problem(await Http.PostAsync($"/api/nurses/{unknown}/absences", Body(JsonNode.Parse($$"""{"from":"{{Day(1)}}","to":"{{Day(2)}}","reason":"Sick"}""")!)), HttpStatusCode.NotFound, "no nurse");
        await ProblemAssert.Problem(await Http.DeleteAsync($"/api/nurses/{unknown}/absences/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "no nurse");
        await ProblemAssert.Problem(await Move(unknown, team.Id, HttpStatusCode.NotFound), HttpStatusCode.NotFound, "no nurse");
        Assert.Empty((await fixture.Host.GetTeam(team.Id)).Nurses);
    }

    /// <summary>She asks to join, a member accepts; answers with her record, or with the first refusal.</summary>
    private async Task<HttpResponseMessage> Move(Guid nurseId, Guid teamId, HttpStatusCode expected)
    {
        var response = await fixture.Host.As(nurseId).PostAsJsonAsync($"/api/teams/{teamId}/join-requests", new { message = "Mag ik bij jullie komen werken?" }, Json);
        if (response.IsSuccessStatusCode)
        {
            var member = (await fixture.Host.GetTeam(teamId)).Nurses.FirstOrDefault()?.NurseId ?? Guid.NewGuid();
            var accepted = await fixture.Host.As(member).PostAsync($"/api/teams/{teamId}/join-requests/{nurseId}/accept", null);
            response = accepted.IsSuccessStatusCode ? await Http.GetAsync($"/api/nurses/{nurseId}") : accepted;
        }

        Assert.Equal(expected, response.StatusCode);
        return response;
    }

    private static string Day(int fromToday) => DateOnly.FromDateTime(DateTime.Today).AddDays(fromToday).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static StringContent Body(JsonNode json) => new(json.ToJsonString(), Encoding.UTF8, "application/json");
}
