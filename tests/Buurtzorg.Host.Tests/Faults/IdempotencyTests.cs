using System.Net;
using System.Net.Http.Json;
using Buurtzorg.Contracts.Clients;
using Buurtzorg.Host.Tests.Infrastructure;

namespace Buurtzorg.Host.Tests.Faults;

/// <summary>Idempotency keys on a host whose grain state is in PostgreSQL.</summary>
public sealed class IdempotencyTests : IAsyncLifetime
{
    private readonly PostgresServer _database = new();
    private readonly string _clusterId = $"cluster-{Guid.NewGuid():N}";
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _host = await TestHost.StartOnPostgres(_database.ConnectionString, _clusterId);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_retried_change_answers_as_the_first_time_and_is_applied_once()
    {
        var client = await NewClient();
        var key = Guid.NewGuid().ToString();

        var first = await _host.Http.Send(HttpMethod.Post, $"/api/clients/{client.Id}/network", new { name = "Kees de Groot", relation = "Family" }, key);
        var again = await _host.Http.Send(HttpMethod.Post, $"/api/clients/{client.Id}/network", new { name = "Kees de Groot", relation = "Family" }, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        var stored = await _host.Http.GetFromJsonAsync<ClientRecord>($"/api/clients/{client.Id}", TeamDay.Json);
        Assert.Equal(["Kees de Groot"], stored!.Network.Select(m => m.Details.Name));
    }

    [Fact]
    public async Task A_key_kept_with_its_change_still_answers_after_the_host_restarts()
    {
        var client = await NewClient();
        var key = Guid.NewGuid().ToString();
        var first = await _host.Http.Send(HttpMethod.Post, $"/api/clients/{client.Id}/network", new { name = "Kees de Groot", relation = "Family" }, key);

        await _host.DisposeAsync();
        _host = await TestHost.StartOnPostgres(_database.ConnectionString, _clusterId);
        var again = await _host.Http.Send(HttpMethod.Post, $"/api/clients/{client.Id}/network", new { name = "Kees de Groot", relation = "Family" }, key);

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        var stored = await _host.Http.GetFromJsonAsync<ClientRecord>($"/api/clients/{client.Id}", TeamDay.Json);
        Assert.Single(stored!.Network);
    }

    [Fact]
    public async Task A_key_sent_again_with_another_request_is_refused_and_changes_nothing()
    {
        var client = await NewClient();
        var key = Guid.NewGuid().ToString();
        await _host.Http.Send(HttpMethod.Post, $"/api/clients/{client.Id}/network", new { name = "Kees de Groot", relation = "Family" }, key);

        var reused = await _host.Http.Send(HttpMethod.Post, $"/api/clients/{client.Id}/network", new { name = "Truus de Groot", relation = "Family" }, key);

        await ProblemAssert.Problem(reused, HttpStatusCode.UnprocessableEntity, "Idempotency-Key");
        var stored = await _host.Http.GetFromJsonAsync<ClientRecord>($"/api/clients/{client.Id}", TeamDay.Json);
        Assert.Equal(["Kees de Groot"], stored!.Network.Select(m => m.Details.Name));
    }

    [Theory]
    [InlineData("")]
    [InlineData("sleutel met spaties")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789x")]
    public async Task A_malformed_key_is_refused_by_name_before_anything_is_stored(string key)
    {
        var client = await NewClient();
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/clients/{client.Id}/network")
        {
            Content = JsonContent.Create(new { name = "Kees de Groot", relation = "Family" }, options: TeamDay.Json),
        };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);

        await ProblemAssert.Problem(await _host.Http.SendAsync(request), HttpStatusCode.BadRequest, "Idempotency-Key");
        var stored = await _host.Http.GetFromJsonAsync<ClientRecord>($"/api/clients/{client.Id}", TeamDay.Json);
        Assert.Empty(stored!.Network);
    }

    [Fact]
    public async Task The_same_key_from_two_changes_to_two_clients_applies_each()
    {
        // Keys are the caller's: reusing one for another client's change is another request.
        var first = await NewClient();
        var second = await NewClient();
        var key = Guid.NewGuid().ToString();

        var toFirst = await _host.Http.Send(HttpMethod.Post, $"/api/clients/{first.Id}/network", new { name = "Kees", relation = "Family" }, key);
        var toSecond = await _host.Http.Send(HttpMethod.Post, $"/api/clients/{second.Id}/network", new { name = "Kees", relation = "Family" }, key);

        Assert.Equal(HttpStatusCode.Created, toFirst.StatusCode);
        Assert.Equal(HttpStatusCode.Created, toSecond.StatusCode);
    }

    [Fact]
    public async Task Registering_a_client_twice_with_one_key_registers_one_client()
    {
        var team = await _host.CreateTeam("Buurtzorg Zuilen");
        var registration = new
        {
            name = "Johanna de Groot",
            dateOfBirth = "1938-04-17",
            address = new { street = "Oudegracht", houseNumber = "231", postcode = "3511 NK", city = "Utrecht", latitude = 52.0894, longitude = 5.1196 },
            phone = "0302314567",
            teamId = team.Id,
            indicationHoursPerWeek = 4.5,
            startDate = TeamDay.Today.AddDays(-30),
        };
        var key = Guid.NewGuid().ToString();

        var first = await _host.Http.Send(HttpMethod.Post, $"/api/teams/{team.Id}/clients", registration, key);
        var again = await _host.Http.Send(HttpMethod.Post, $"/api/teams/{team.Id}/clients", registration, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        var firstId = (await first.Content.ReadFromJsonAsync<ClientRecord>(TeamDay.Json))!.Id;
        // The retry reached the client the first attempt registered, not a second one.
        Assert.Equal(firstId, (await again.Content.ReadFromJsonAsync<ClientRecord>(TeamDay.Json))!.Id);
    }

    private async Task<ClientRecord> NewClient()
    {
        var team = await _host.CreateTeam($"Buurtzorg {Guid.NewGuid():N}"[..20]);
        return await _host.AddClient(team.Id, "Johanna de Groot");
    }
}
