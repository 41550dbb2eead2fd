using System.Net;
using System.Text.Json;
using Buurtzorg.Host.Access;

namespace Buurtzorg.Host.Tests.Access;

/// <summary>Someone without a relationship learns nothing from ids: existing or not, every answer is the same 404.</summary>
public sealed class ProbingTests(AccessWorld world) : IClassFixture<AccessWorld>
{
    [Fact]
    public async Task Thousands_of_requests_for_ids_without_a_relationship_all_get_the_same_not_found()
    {
        var random = new Random(7513);
        var real = new[] { world.ClientA, world.ClientB, world.TeamA, world.TeamB, world.NurseA1, world.NurseA2, world.NurseB1 };
        var templates = new[]
        {
            "/api/clients/{0}", "/api/clients/{0}/care-plan", "/api/clients/{0}/visits", "/api/clients/{0}/access-log",
            "/api/teams/{0}", "/api/teams/{0}/clients", "/api/teams/{0}/board/2026-12-01", "/api/nurses/{0}",
        };
        var answers = new HashSet<string>();
        var probes = 0;
        foreach (var who in new[] { Who.FamilyWithAgenda, Who.AnotherClient, Who.Central })
        {
            for (var i = 0; i < 700; i++)
            {
                var id = random.Next(4) == 0 ? real[random.Next(real.Length)] : Guid.NewGuid();
                if (IsTheirs(who, id))
                {
                    continue;
                }

                var response = await world.Http(who).GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, templates[random.Next(templates.Length)], id));
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                var shape = body.RootElement;
                answers.Add($"{shape.GetProperty("status")}|{shape.GetProperty("title")}|{shape.GetProperty("detail")}|{shape.GetProperty("type")}|{response.Content.Headers.ContentType}");
                probes++;
            }
        }

        Assert.True(probes > 2000, $"only {probes} probes");
        var only = Assert.Single(answers);
        Assert.Contains(AccessGate.NotFoundDetail, only, StringComparison.Ordinal);
    }

    /// <summary>The few (caller, id) pairs with a relationship that a template could reach.</summary>
    private bool IsTheirs(Who who, Guid id) => who switch
    {
        Who.AnotherClient => id == world.ClientB,
        Who.FamilyWithAgenda => id == world.ClientA,
        _ => false,
    };
}
