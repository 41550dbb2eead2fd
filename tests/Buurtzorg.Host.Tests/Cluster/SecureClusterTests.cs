using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Buurtzorg.Host.Accounts;
using Buurtzorg.Host.Nurses;
using Buurtzorg.Host.Teams;
using Buurtzorg.Host.Tests.Infrastructure;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Buurtzorg.Host.Tests.Cluster;

/// <summary>Sign-in in a cluster on PostgreSQL: accounts, the key ring behind session cookies and the access log are shared by every host.</summary>
public sealed class SecureClusterTests : IAsyncLifetime
{
    private readonly PostgresServer _database = new();
    private TestHost _hostA = null!;
    private TestHost _hostB = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        var clusterId = $"secure-{Guid.NewGuid():N}";
        _hostA = await TestHost.StartSecureOnPostgres(_database.ConnectionString, clusterId);
        _hostB = await TestHost.StartSecureOnPostgres(_database.ConnectionString, clusterId);
    }

    public async Task DisposeAsync()
    {
        await _hostB.DisposeAsync();
        await _hostA.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_session_begun_on_one_host_works_on_the_other_and_both_write_one_access_log()
    {
        var mediator = _hostA.App.Services.GetRequiredService<IMediator>();
        var team = await mediator.Send(new CreateTeam("Buurtzorg Lombok"));
        var nurse = (await mediator.Send(new RegisterNurse(
            "Anne de Wit", [Contracts.Nurses.Qualification.BasicCare], 28, 52.09, 5.12, []))).Id;
        await mediator.Send(new MoveNurse(nurse, team.Id));
        await _hostA.OpenAccount("anne", AccountRole.Nurse, nurse);
        var onA = await _hostA.SignIn("anne");
        var client = await onA.Http.AddClient(team.Id, "Johanna de Groot");
        await _hostA.OpenAccount("johanna", AccountRole.Client, client.Id);
        Assert.Equal(HttpStatusCode.OK, (await onA.Http.GetAsync($"/api/clients/{client.Id}/care-plan")).StatusCode);

        using var onB = new HttpClient(new HttpClientHandler { CookieContainer = onA.Cookies }) { BaseAddress = _hostB.Address };
        var me = await onB.GetFromJsonAsync<JsonElement>("/api/account/me");
        Assert.Equal(nurse, me.GetProperty("subjectId").GetGuid());
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync($"/api/clients/{client.Id}/care-plan")).StatusCode);

        var johanna = await _hostB.SignIn("johanna");
        var log = await johanna.Http.GetFromJsonAsync<JsonElement>($"/api/clients/{client.Id}/access-log");
        Assert.Contains(log.EnumerateArray(), line => line.GetProperty("name").GetString() == "anne" && line.GetProperty("via").GetString()!.Contains("care-plan", StringComparison.Ordinal));
        Assert.Equal(2L, await _database.Scalar<long>("SELECT count(*) FROM access_log WHERE client_id = @client AND what = 'CarePlan'", ("client", client.Id.ToString())));
    }
}
