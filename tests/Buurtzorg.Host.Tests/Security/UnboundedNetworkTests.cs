using System.Net;
using System.Net.Http.Json;
using Buurtzorg.Contracts.Clients;
using Buurtzorg.Host.Tests.Access;
using Buurtzorg.Host.Tests.Infrastructure;

namespace Buurtzorg.Host.Tests.Security;

/// <summary>A client's network does not grow without bound (600 members and 115 KB records were seen): the 31st person is refused.</summary>
public sealed class UnboundedNetworkTests(AccessWorld world) : IClassFixture<AccessWorld>
{
    [Fact]
    public async Task The_thirty_first_person_in_a_clients_network_is_a_422_naming_the_network_and_nothing_changes()
    {
        var nurse = world.Http(Who.NurseOfTheTeam);
        var client = await nurse.AddClient(world.TeamA, "Bep Visser");
        for (var n = 1; n <= ClientLimits.MaxNetworkMembers; n++)
        {
            var added = await nurse.PostAsJsonAsync($"/api/clients/{client.Id}/network", new { name = $"Buur {n}", relation = "Neighbour" }, TeamDay.Json);
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        }

        var before = await nurse.GetStringAsync($"/api/clients/{client.Id}");

        var refused = await nurse.PostAsJsonAsync($"/api/clients/{client.Id}/network", new { name = "Buur 31", relation = "Neighbour" }, TeamDay.Json);

        var problem = await ProblemAssert.Problem(refused, HttpStatusCode.UnprocessableEntity, "network");
        Assert.True(problem.GetProperty("errors").TryGetProperty("network", out _), "The problem names the field 'network'.");
        Assert.Equal(before, await nurse.GetStringAsync($"/api/clients/{client.Id}"));
        var stored = await nurse.GetFromJsonAsync<ClientRecord>($"/api/clients/{client.Id}", TeamDay.Json);
        Assert.Equal(30, stored!.Network.Count);
    }
}
