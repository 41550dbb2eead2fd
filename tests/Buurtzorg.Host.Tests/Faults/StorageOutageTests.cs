using System.Net;
using System.Net.Http.Json;
using Buurtzorg.Contracts.Clients;
using Buurtzorg.Host.Tests.Infrastructure;

namespace Buurtzorg.Host.Tests.Faults;

/// <summary>The host's PostgreSQL database refuses every connection for a while, then comes back.</summary>
public sealed class StorageOutageTests : IAsyncLifetime
{
    private readonly PostgresServer _database = new();
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _host = await TestHost.StartOnPostgres(_database.ConnectionString, $"cluster-{Guid.NewGuid():N}");
    }

    public async Task DisposeAsync()
    {
        await _database.Admit();
        await _host.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Changes_and_reads_are_answered_503_with_Retry_After_and_the_retry_after_the_outage_is_applied_once()
    {
        var team = await _host.CreateTeam("Buurtzorg Lunetten");
        var client = await _host.AddClient(team.Id, "Johanna de Groot");
        var key = Guid.NewGuid().ToString();

        await _database.Refuse();
        var change = await _host.Http.Send(HttpMethod.Post, $"/api/clients/{client.Id}/network", new { name = "Kees de Groot", relation = "Family" }, key);
        var read = await _host.Http.GetAsync($"/api/clients/{Guid.NewGuid()}");

        foreach (var answer in new[] { change, read })
        {
            await ProblemAssert.Problem(answer, HttpStatusCode.ServiceUnavailable, "database");
            Assert.NotNull(answer.Headers.RetryAfter?.Delta);
        }

        await _database.Admit();
        var retried = await RetryUntilServed(() => _host.Http.Send(HttpMethod.Post, $"/api/clients/{client.Id}/network", new { name = "Kees de Groot", relation = "Family" }, key));

        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        var stored = await _host.Http.GetFromJsonAsync<ClientRecord>($"/api/clients/{client.Id}", TeamDay.Json);
        Assert.Equal(["Kees de Groot"], stored!.Network.Select(m => m.Details.Name));
    }

    // As a client does: on 503, wait as long as Retry-After says and send the same request again.
    private static async Task<HttpResponseMessage> RetryUntilServed(Func<Task<HttpResponseMessage>> send)
    {
        for (var attempt = 1; ; attempt++)
        {
            var answer = await send();
            if (answer.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == 10)
            {
                return answer;
            }

            await Task.Delay(answer.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
        }
    }
}
