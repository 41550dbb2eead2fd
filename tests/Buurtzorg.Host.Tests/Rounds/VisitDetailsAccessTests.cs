using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Buurtzorg.Host.Access;
using Buurtzorg.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Buurtzorg.Host.Tests.Infrastructure.TeamDay;

namespace Buurtzorg.Host.Tests.Rounds;

/// <summary>
/// The board and the round carry what a nurse needs at the door (the client's phone, the first
/// contact of the network, where the house is): that is the client's record, so only the client's
/// team reads it, each read is in the client's access log, and a nurse of another team is refused.
/// </summary>
public sealed class VisitDetailsAccessTests(SecureHostFixture fixture) : IClassFixture<SecureHostFixture>
{
    private TestHost Host => fixture.Host;

    [Fact]
    public async Task The_phone_contact_and_place_reach_the_clients_team_only_and_each_read_is_logged()
    {
        var team = await Host.FoundTeam("Buurtzorg Hoograven");
        var anneId = await Host.Hire(team, "Anne de Vries", "anne-hoograven");
        var other = await Host.FoundTeam("Buurtzorg Zuilen Noord");
        await Host.Hire(other, "Carla Smit", "carla-zuilen-noord");
        var anne = await Host.SignIn("anne-hoograven");
        var client = await anne.Http.AddClient(team, "Johanna de Groot");
        // The first person without a phone cannot be rung: the contact is the first who can.
        foreach (var person in new object[]
                 {
                     new { name = "Buurvrouw Els", relation = "Neighbour" },
                     new { name = "Kees de Groot", relation = "Family", phone = "0612345678" },
                     new { name = "Marja de Groot", relation = "Family", phone = "0687654321" },
                 })
        {
            (await anne.Http.PostAsJsonAsync($"/api/clients/{client.Id}/network", person, Json)).EnsureSuccessStatusCode();
        }

        var visit = await anne.Http.AddDailyVisit(team, client.Id);
        (await anne.Http.PostAsJsonAsync($"/api/teams/{team}/visits/{visit.Id}/claim", new { }, Json)).EnsureSuccessStatusCode();

        var board = await anne.Http.GetFromJsonAsync<JsonElement>($"/api/teams/{team}/board/{Today:yyyy-MM-dd}", Json);
        var round = await anne.Http.GetFromJsonAsync<JsonElement>($"/api/teams/{team}/rounds/{anneId}/{Today:yyyy-MM-dd}", Json);
        foreach (var details in new[] { board.GetProperty("visits")[0].GetProperty("details"), round.GetProperty("stops")[0].GetProperty("details") })
        {
            Assert.Equal("0302314567", details.GetProperty("clientPhone").GetString());
            Assert.Equal("Kees de Groot", details.GetProperty("contact").GetProperty("name").GetString());
            Assert.Equal("0612345678", details.GetProperty("contact").GetProperty("phone").GetString());
            Assert.Equal(52.0894, details.GetProperty("location").GetProperty("latitude").GetDouble());
            Assert.Equal(5.1196, details.GetProperty("location").GetProperty("longitude").GetDouble());
        }

        var carla = await Host.SignIn("carla-zuilen-noord");
        foreach (var path in new[] { $"/api/teams/{team}/board/{Today:yyyy-MM-dd}", $"/api/teams/{team}/rounds/{anneId}/{Today:yyyy-MM-dd}" })
        {
            var refused = await carla.Http.GetAsync(path);
            Assert.Contains(refused.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Forbidden });
            Assert.DoesNotContain("0302314567", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // The family's agenda view of the same visits carries none of it.
        var visits = await anne.Http.GetStringAsync($"/api/clients/{client.Id}/visits");
        Assert.DoesNotContain("0612345678", visits, StringComparison.Ordinal);

        // Anne's two reads each left a line naming the client's record (board and round alike).
        var lines = await Host.App.Services.GetRequiredService<AccessLog>().ForClient(client.Id, 500);
        Assert.Contains(lines, l => l.Via.StartsWith("GET", StringComparison.Ordinal) && l.Via.Contains("/board/", StringComparison.Ordinal) && l.Allowed && l.What == "Record");
        Assert.Contains(lines, l => l.Via.StartsWith("GET", StringComparison.Ordinal) && l.Via.Contains("/rounds/", StringComparison.Ordinal) && l.Allowed && l.What == "Record");
    }
}
