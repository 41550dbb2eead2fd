using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Buurtzorg.Contracts.CarePlans;
using Buurtzorg.Contracts.Clients;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Contracts.Visits;
using Buurtzorg.Demo;
using Buurtzorg.Host.Problems;
using Buurtzorg.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Buurtzorg.Host.Tests.Demo;

/// <summary>The generated region passes the same checks as what users enter, and fills the schedules.</summary>
public sealed class DemoRegionTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public async Task A_generated_region_has_valid_dutch_clients_small_teams_omaha_plans_and_visits()
    {
        var grains = fixture.Host.App.Services.GetRequiredService<IGrainFactory>();
        var summary = await DemoRegionGenerator.Generate(grains, DemoOptions.Small with { Teams = 2, Seed = 99 });
        var teams = (await fixture.Host.Http.GetFromJsonAsync<List<TeamListing>>("/api/teams", Json))!;

        Assert.Equal((2, summary.Clients), (teams.Count, summary.Clients));
        var clientCount = 0;
        foreach (var listing in teams)
        {
            var team = await fixture.Host.GetTeam(listing.Id);
            Assert.InRange(team.Nurses.Count, 9, TeamLimits.MaxNurses);
            var visits = (await fixture.Host.Http.GetFromJsonAsync<ScheduleView>($"/api/teams/{team.Id}/visits", Json))!.Visits;
            Assert.NotEmpty(visits);

            // The first two days are planned as a team would (what no nurse's hours, leave or
            // qualifications allow stays open), by nurses of the team, never more than needed;
            // later days are still open for the nurses to take.
            var planned = visits.Where(v => v.Date <= visits.Min(x => x.Date).AddDays(1)).ToList();
            Assert.InRange(planned.Count(v => v.AssignedNurses.Count == v.NursesNeeded), planned.Count / 3, planned.Count);
            Assert.All(planned.SelectMany(v => v.AssignedNurses), n => Assert.Contains(n, team.Nurses.Select(m => m.NurseId)));
            Assert.All(visits, v => Assert.InRange(v.AssignedNurses.Count, 0, v.NursesNeeded));
            Assert.All(visits.Where(v => v.Date > visits.Min(x => x.Date).AddDays(1)), v => Assert.Empty(v.AssignedNurses));
            foreach (var clientId in visits.Select(v => v.ClientId).Distinct())
            {
                clientCount++;
                var client = (await fixture.Host.Http.GetFromJsonAsync<ClientRecord>($"/api/clients/{clientId}", Json))!;
                var plan = (await fixture.Host.Http.GetFromJsonAsync<CarePlanSnapshot>($"/api/clients/{clientId}/care-plan", Json))!;
                var errors = new ValidationErrors();
                errors.Postcode("postcode", client.Details.Address.Postcode);
                errors.Phone("phone", client.Details.Phone, required: true);
                Assert.False(errors.Any, string.Join("; ", errors.ToDictionary().SelectMany(e => e.Value)));
                Assert.Matches(new Regex("^[1-9][0-9]{3} [A-Z]{2}$"), client.Details.Address.Postcode);
                Assert.True(client.Details.Address.Location.IsInTheNetherlands);
                Assert.Equal(team.Id, client.Details.TeamId);
                Assert.InRange(plan.Problems.Count, 1, 4);
                Assert.All(plan.Problems, p => Assert.Single(p.Ratings));
            }
        }

        Assert.InRange(clientCount, 1, summary.Clients);
    }
}
