using System.Net;
using System.Net.Http.Json;
using System.Text;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace Buurtzorg.Host.Tests.Teams;

/// <summary>Every team endpoint, its happy path and its bad input, over real HTTP.</summary>
public sealed class TeamsApiTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    private TestHost Host => fixture.Host;

    private HttpClient Http => Host.Http;

    public static TheoryData<string, string> BadTeamBodies => new()
    {
        { """{"name":""}""", "name" },
        { """{"name":"   "}""", "name" },
        { """{}""", "name" },
        { """{"name":null}""", "name" },
        { $$"""{"name":"{{new string('x', TeamLimits.MaxNameLength + 1)}}"}""", "name" },
        { """{"name":"Team\u0007Bell"}""", "name" },
        { """{"name":"Team\u200BZero width"}""", "name" },
        { """{"name":"Team\u202EReversed"}""", "name" },
        { """{"name":5}""", "name" },
        { """{"name":["a"]}""", "name" },
        { """{"name":"Lombok" """, "body" },
        { """[]""", "body" },
        { """not json""", "body" },
        { "", "body" },
    };

    [Fact]
    public async Task Founding_a_team_answers_201_with_its_location_and_lists_it()
    {
        var response = await Http.PostAsJsonAsync("/api/teams", new { name = "  Buurtzorg Lombok  " });
        var team = await response.Content.ReadFromJsonAsync<TeamSnapshot>();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/teams/{team!.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal(("Buurtzorg Lombok", 1L), (team.Name, team.Version));
        Assert.Contains(await Http.GetFromJsonAsync<List<TeamListing>>("/api/teams") ?? [], t => t.Id == team.Id);
    }

    [Theory]
    [MemberData(nameof(BadTeamBodies))]
    public async Task Founding_a_team_with_bad_input_is_a_400_naming_the_field_and_stores_nothing(string body, string field)
    {
        var before = await TeamCount();

        var response = await Http.PostAsync("/api/teams", new StringContent(body, Encoding.UTF8, "application/json"));

        await ProblemAssert.Problem(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(before, await TeamCount());
    }

    [Fact]
    public async Task Founding_a_team_without_a_json_content_type_is_a_415_problem()
    {
        var response = await Http.PostAsync("/api/teams", new StringContent("""{"name":"Lombok"}""", Encoding.UTF8, "text/plain"));

        await ProblemAssert.Problem(response, HttpStatusCode.UnsupportedMediaType, "Unsupported Media Type");
    }

    [Fact]
    public async Task Reading_an_unknown_or_malformed_team_id_is_a_404_problem()
    {
        await ProblemAssert.Problem(await Http.GetAsync($"/api/teams/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "no team");
        await ProblemAssert.Problem(await Http.GetAsync("/api/teams/not-a-guid"), HttpStatusCode.NotFound, "Not Found");
    }

    [Fact]
    public async Task Adding_and_removing_a_nurse_bump_the_version_and_keep_a_given_nurse_id()
    {
        var team = await Host.CreateTeam("Buurtzorg Vathorst");
        var nurseId = Guid.NewGuid();

        var added = await Http.PostAsJsonAsync($"/api/teams/{team.Id}/nurses", new { name = "Anna de Vries", nurseId });
        var removed = await Http.DeleteAsync($"/api/teams/{team.Id}/nurses/{nurseId}");

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(nurseId, (await added.Content.ReadFromJsonAsync<TeamSnapshot>())!.Nurses.Single().NurseId);
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        var after = (await removed.Content.ReadFromJsonAsync<TeamSnapshot>())!;
        Assert.Equal((3L, 0), (after.Version, after.Nurses.Count));
    }

    public static TheoryData<string, string> BadNurseBodies => new()
    {
        { """{"name":""}""", "name" },
        { """{"name":"\u0000"}""", "name" },
        { $$"""{"name":"{{new string('y', TeamLimits.MaxNameLength + 1)}}"}""", "name" },
        { """{"name":"Anna","nurseId":"00000000-0000-0000-0000-000000000000"}""", "nurseId" },
        { """{"name":"Anna","nurseId":"not-a-guid"}""", "nurseId" },
        { """{"name":"Anna","nurseId":12}""", "nurseId" },
        { """{"name":"Anna" """, "body" },
        { "", "body" },
    };

    [Theory]
    [MemberData(nameof(BadNurseBodies))]
    public async Task Adding_a_nurse_with_bad_input_is_a_400_naming_the_field_and_changes_nothing(string body, string field)
    {
        var team = await Host.CreateTeam("Buurtzorg Overvecht");

        var response = await Http.PostAsync($"/api/teams/{team.Id}/nurses", new StringContent(body, Encoding.UTF8, "application/json"));

        await ProblemAssert.Problem(response, HttpStatusCode.BadRequest, field);
        Assert.Equal((1L, 0), await VersionAndSize(team.Id));
    }

    [Fact]
    public async Task Adding_a_nurse_to_an_unknown_team_is_a_404_and_founds_nothing()
    {
        var unknown = Guid.NewGuid();

        var response = await Http.PostAsJsonAsync($"/api/teams/{unknown}/nurses", new { name = "Anna de Vries" });

        await ProblemAssert.Problem(response, HttpStatusCode.NotFound, "no team");
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync($"/api/teams/{unknown}")).StatusCode);
    }

    [Fact]
    public async Task Adding_the_same_nurse_twice_is_a_409_and_changes_nothing()
    {
        var team = await Host.CreateTeam("Buurtzorg Zeist");
        var nurse = new { name = "Anna de Vries", nurseId = Guid.NewGuid() };
        await Http.PostAsJsonAsync($"/api/teams/{team.Id}/nurses", nurse);

        var again = await Http.PostAsJsonAsync($"/api/teams/{team.Id}/nurses", nurse);

        await ProblemAssert.Problem(again, HttpStatusCode.Conflict, "already a member");
        Assert.Equal((2L, 1), await VersionAndSize(team.Id));
    }

    [Fact]
    public async Task A_thirteenth_nurse_divides_the_team_in_two_and_watchers_are_told_which_teams_carry_on()
    {
        var team = await Host.CreateTeam("Buurtzorg Houten");
        for (var i = 1; i <= TeamLimits.MaxNurses; i++)
        {
            await Host.AddNurse(team.Id, $"Verpleegkundige {i}");
        }

        await using var connection = await Host.ConnectToHub();
        var changes = new HubEvents<TeamChanged>(connection, nameof(Buurtzorg.Host.Schedule.IScheduleClient.TeamChanged));
        var watched = await connection.InvokeAsync<TeamSnapshot>("WatchTeam", team.Id);

        var thirteenth = await Http.PostAsJsonAsync($"/api/teams/{team.Id}/nurses", new { name = "Verpleegkundige 13" });
        var divided = (await thirteenth.Content.ReadFromJsonAsync<TeamSnapshot>())!;
        var announced = await changes.Next(c => c.TeamId == team.Id && c.Kind == TeamChangeKind.Divided);
        var children = await Task.WhenAll(divided.ChildTeamIds.Select(Host.GetTeam));

        Assert.Equal(HttpStatusCode.Created, thirteenth.StatusCode);
        Assert.True(divided.IsDivided);
        Assert.Equal(divided.ChildTeamIds.Order(), announced.ChildTeamIds!.Order());
        Assert.True(announced.Version > watched.Version);
        Assert.Equal([6, 7], children.Select(c => c.Nurses.Count).Order());
        Assert.Equal(TeamLimits.MaxNurses + 1, children.SelectMany(c => c.Nurses).Select(n => n.NurseId).Distinct().Count());
        await ProblemAssert.Problem(await Http.PostAsJsonAsync($"/api/teams/{team.Id}/nurses", new { name = "Te laat" }), HttpStatusCode.Conflict, "divided");
    }

    [Fact]
    public async Task Removing_a_nurse_from_an_unknown_team_or_one_who_is_not_a_member_is_a_404()
    {
        var team = await Host.CreateTeam("Buurtzorg Centrum");
        await Host.AddNurse(team.Id, "Anna de Vries");

        await ProblemAssert.Problem(await Http.DeleteAsync($"/api/teams/{Guid.NewGuid()}/nurses/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "no team");
        await ProblemAssert.Problem(await Http.DeleteAsync($"/api/teams/{team.Id}/nurses/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "not a member");
        await ProblemAssert.Problem(await Http.DeleteAsync($"/api/teams/{team.Id}/nurses/not-a-guid"), HttpStatusCode.NotFound, "Not Found");
        Assert.Equal((2L, 1), await VersionAndSize(team.Id));
    }

    private async Task<int> TeamCount() => (await Http.GetFromJsonAsync<List<TeamListing>>("/api/teams"))!.Count;

    private async Task<(long, int)> VersionAndSize(Guid teamId)
    {
        var team = await Host.GetTeam(teamId);
        return (team.Version, team.Nurses.Count);
    }
}
