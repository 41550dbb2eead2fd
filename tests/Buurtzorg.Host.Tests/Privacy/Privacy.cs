using System.Net;
using System.Net.Http.Json;
using Buurtzorg.Contracts.Clients;
using Buurtzorg.Host.Accounts;
using Buurtzorg.Host.Tests.Infrastructure;

namespace Buurtzorg.Host.Tests.Privacy;

/// <summary>A team with a signed-in nurse on a secure host, and the steps the privacy tests take through it.</summary>
internal sealed class PrivacyTeam
{
    private PrivacyTeam(TestHost host, Guid teamId, TestHost.Session nurse) => (Host, TeamId, Nurse) = (host, teamId, nurse);

    public TestHost Host { get; }

    public Guid TeamId { get; }

    public TestHost.Session Nurse { get; }

    /// <summary>A fresh team and nurse, named apart from every other test's on a shared host.</summary>
    public static async Task<PrivacyTeam> Start(TestHost host)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var team = await host.FoundTeam($"Buurtzorg Privacy {tag}");
        await host.Hire(team, $"Nurse {tag}", $"nurse-{tag}");
        return new PrivacyTeam(host, team, await host.SignIn($"nurse-{tag}"));
    }

    public async Task<Guid> Client(string name) => (await Nurse.Http.AddClient(TeamId, name)).Id;

    /// <summary>A relative in the client's network, granted the care plan, with phone and e-mail.</summary>
    public async Task<Guid> Relative(Guid clientId, string name, string phone, string email)
    {
        var added = await Nurse.Http.PostAsJsonAsync($"/api/clients/{clientId}/network", new { name, relation = "Family", phone, email, takesOn = "Boodschappen op dinsdag" }, TeamDay.Json);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var member = (await added.Content.ReadFromJsonAsync<ClientRecord>(TeamDay.Json))!.Network.Single(m => m.Details.Name == name).Id;
        var granted = await Nurse.Http.PutAsJsonAsync($"/api/clients/{clientId}/network/{member}/access", new { access = "CarePlan" }, TeamDay.Json);
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        return member;
    }

    /// <summary>A family account linked to the given entries, signed in.</summary>
    public async Task<TestHost.Session> FamilyAccount(string userName, params (Guid Client, Guid Member)[] links)
    {
        var account = await Host.OpenAccount(userName, AccountRole.Family);
        foreach (var (client, member) in links)
        {
            await Host.Link(account, client, member);
        }

        return await Host.SignIn(userName);
    }

    public async Task<ClientRecord> Record(Guid clientId) =>
        (await Nurse.Http.GetFromJsonAsync<ClientRecord>($"/api/clients/{clientId}", TeamDay.Json))!;

    public async Task Discharge(Guid clientId)
    {
        var changed = await Nurse.Http.PutAsJsonAsync($"/api/clients/{clientId}/status", new { status = "Discharged" }, TeamDay.Json);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
    }

    public static async Task<HttpResponseMessage> DeleteOwnAccount(HttpClient http, string? password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, "/api/account") { Content = JsonContent.Create(new { password }) };
        return await http.SendAsync(request);
    }

    /// <summary>Signing in with the test password is refused: the account is gone.</summary>
    public async Task SignInRefused(string userName)
    {
        using var http = new HttpClient { BaseAddress = Host.Address };
        var answer = await http.PostAsJsonAsync("/api/account/sign-in", new { userName, password = TestHost.Password });
        await ProblemAssert.Problem(answer, HttpStatusCode.Unauthorized, "not right");
    }
}
