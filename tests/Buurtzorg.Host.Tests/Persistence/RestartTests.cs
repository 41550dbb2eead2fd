using System.Net.Http.Json;
using Buurtzorg.Host.Tests.Infrastructure;

namespace Buurtzorg.Host.Tests.Persistence;

public sealed class RestartTests
{
    [Fact]
    public async Task A_team_survives_a_full_host_restart_on_sqlite()
    {
        using var file = new TempSqliteFile();
        await TeamSurvivesRestart(() => TestHost.StartOnSqlite(file.Path));
    }

    [Fact]
    public async Task A_team_survives_a_full_host_restart_on_postgres()
    {
        var database = new PostgresServer();
        await database.InitializeAsync();
        try
        {
            // A new cluster id per start: the restarted host is a new cluster on the same data,
            // which is exactly what a full restart of every silo is.
            await TeamSurvivesRestart(() => TestHost.StartOnPostgres(database.ConnectionString, $"restart-{Guid.NewGuid():N}"));
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_client_and_the_full_history_of_their_care_plan_survive_a_restart()
    {
        using var file = new TempSqliteFile();
        var nurse = Guid.NewGuid();
        Guid clientId;
        string before;
        await using (var first = await TestHost.StartOnSqlite(file.Path))
        {
            var team = await first.CreateTeam("Buurtzorg Lombok");
            var registered = await first.Http.PostAsync($"/api/teams/{team.Id}/clients", Json($$"""
                {"name":"Johanna de Groot","dateOfBirth":"1938-04-17",
                 "address":{"street":"Oudegracht","houseNumber":"231","postcode":"3511 NK","city":"Utrecht","latitude":52.0894,"longitude":5.1196},
                 "phone":"0302314567","teamId":"{{team.Id}}","indicationHoursPerWeek":4.5,"startDate":"2026-11-02"}
                """));
            clientId = (await registered.Content.ReadFromJsonAsync<Contracts.Clients.ClientRecord>(JsonOptions))!.Id;
            await first.Http.PostAsync($"/api/clients/{clientId}/network", Json("""{"name":"Kees de Groot","relation":"Family","takesOn":"Boodschappen"}"""));
            for (var version = 0; version < 2; version++)
            {
                var written = await first.Http.PutAsync($"/api/clients/{clientId}/care-plan/problems/{24 + version}", Json($$"""
                    {"expectedVersion":{{version}},"changedBy":"{{nurse}}","scope":"Individual","type":"Actual","signsAndSymptoms":["lesie/open wond"],
                     "interventions":[{"category":"TreatmentsAndProcedures","targetCode":17,"description":"Wond verbinden","timesPerPeriod":1,"period":"Day",
                       "windowStart":"08:00","windowEnd":"10:30","durationMinutes":20,"requiredQualification":"WoundCare","twoNurses":false,"performedBy":"Team"}]}
                    """));
                Assert.Equal(System.Net.HttpStatusCode.OK, written.StatusCode);
            }

            before = await first.Http.GetStringAsync($"/api/clients/{clientId}/care-plan");
        }

        await using var second = await TestHost.StartOnSqlite(file.Path);

        Assert.Equal(before, await second.Http.GetStringAsync($"/api/clients/{clientId}/care-plan"));
        var firstVersion = await second.Http.GetFromJsonAsync<Contracts.CarePlans.CarePlanSnapshot>($"/api/clients/{clientId}/care-plan/versions/1", JsonOptions);
        Assert.Equal([24], firstVersion!.Problems.Select(p => p.Code));
        var client = await second.Http.GetFromJsonAsync<Contracts.Clients.ClientRecord>($"/api/clients/{clientId}", JsonOptions);
        Assert.Equal(("Boodschappen", "3511 NK"), (client!.Network.Single().Details.TakesOn, client.Details.Address.Postcode));
    }

    private static readonly System.Text.Json.JsonSerializerOptions JsonOptions =
        new(System.Text.Json.JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    private static async Task TeamSurvivesRestart(Func<Task<TestHost>> start)
    {
        Guid teamId;
        Contracts.Teams.TeamSnapshot before;
        await using (var first = await start())
        {
            teamId = (await first.CreateTeam("Buurtzorg Lombok")).Id;
            await first.AddNurse(teamId, "Anna de Vries");
            await first.AddNurse(teamId, "Sanne Bakker");
            before = await first.GetTeam(teamId);
        }

        await using var second = await start();
        var after = await second.GetTeam(teamId);

        Assert.Equal(3, after.Version);
        Assert.Equal(before.Name, after.Name);
        Assert.Equal(before.Nurses, after.Nurses);
        Assert.Contains(teamId, (await second.Http.GetFromJsonAsync<List<Contracts.Teams.TeamListing>>("/api/teams"))!.Select(t => t.Id));

        // And it goes on from the stored version, not from zero.
        Assert.Equal(4, (await second.AddNurse(teamId, "Fatima el Amrani")).Version);
    }
}
