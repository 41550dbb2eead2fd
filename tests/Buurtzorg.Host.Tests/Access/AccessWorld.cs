using System.Net.Http.Json;
using Buurtzorg.Contracts.Clients;
using Buurtzorg.Contracts.Visits;
using Buurtzorg.Host.Accounts;
using Buurtzorg.Host.Tests.Infrastructure;

namespace Buurtzorg.Host.Tests.Access;

/// <summary>Who calls, in the access matrix: each stands in a different relation to the resources of team A and its client.</summary>
public enum Who
{
    NurseOfTheTeam,
    NurseOfAnotherTeam,
    TheClient,
    AnotherClient,
    FamilyWithAgenda,
    FamilyWithCarePlan,
    AnotherClientsFamily,
    Central,
    Operator,
    Anonymous,
}

/// <summary>
/// A secure host (the real access policy, real sign-ins) with two teams: team A (nurses A1 and
/// A2, client "Johanna" with a visit today and two relatives, one granted the agenda and one the
/// care plan) and team B (nurse B1, client "Piet" with one relative granted the care plan), and
/// an account for each <see cref="Who"/>. Nurses are hired (registered and placed in a team) on
/// the server, as an office does; everything after that goes over HTTP as the nurses themselves.
/// </summary>
public sealed class AccessWorld : IAsyncLifetime
{
    private readonly TempSqliteFile _file = new();
    private readonly Dictionary<Who, TestHost.Session> _sessions = [];

    public TestHost Host { get; private set; } = null!;

    public Guid TeamA { get; private set; }

    public Guid TeamB { get; private set; }

    public Guid NurseA1 { get; private set; }

    public Guid NurseA2 { get; private set; }

    public Guid NurseB1 { get; private set; }

    public Guid ClientA { get; private set; }

    public Guid ClientB { get; private set; }

    public Guid RelativeWithAgenda { get; private set; }

    public Guid RelativeWithCarePlan { get; private set; }

    public Visit VisitA { get; private set; } = null!;

    public IReadOnlyDictionary<Who, TestHost.Session> Sessions => _sessions;

    public async Task InitializeAsync()
    {
        // With the Orleans dashboard: the matrix has its endpoints.
        Host = await TestHost.StartSecureOnSqlite(_file.Path, new Dictionary<string, string?> { ["Operations:Dashboard"] = "true" });
        TeamA = await Host.FoundTeam("Buurtzorg Lombok");
        TeamB = await Host.FoundTeam("Buurtzorg Zuilen");
        NurseA1 = await Host.Hire(TeamA, "Anne de Wit", "a1");
        NurseA2 = await Host.Hire(TeamA, "Bram Jansen", "a2");
        NurseB1 = await Host.Hire(TeamB, "Carla Smit", "b1");

        var a1 = await Host.SignIn("a1");
        var b1 = await Host.SignIn("b1");
        _sessions[Who.NurseOfTheTeam] = a1;
        _sessions[Who.NurseOfAnotherTeam] = b1;

        ClientA = (await a1.Http.AddClient(TeamA, "Johanna de Groot")).Id;
        ClientB = (await b1.Http.AddClient(TeamB, "Piet Bakker")).Id;
        VisitA = await a1.Http.AddDailyVisit(TeamA, ClientA);
        RelativeWithAgenda = await Relative(a1, ClientA, "Kees de Groot", NetworkAccess.Agenda);
        RelativeWithCarePlan = await Relative(a1, ClientA, "Sanne de Groot", NetworkAccess.CarePlan);
        var relativeOfB = await Relative(b1, ClientB, "Ria Bakker", NetworkAccess.CarePlan);

        _sessions[Who.TheClient] = await Account("johanna", AccountRole.Client, ClientA);
        _sessions[Who.AnotherClient] = await Account("piet", AccountRole.Client, ClientB);
        _sessions[Who.FamilyWithAgenda] = await Account("kees", AccountRole.Family, link: (ClientA, RelativeWithAgenda));
        _sessions[Who.FamilyWithCarePlan] = await Account("sanne", AccountRole.Family, link: (ClientA, RelativeWithCarePlan));
        _sessions[Who.AnotherClientsFamily] = await Account("ria", AccountRole.Family, link: (ClientB, relativeOfB));
        _sessions[Who.Central] = await Account("centraal", AccountRole.Central);
        _sessions[Who.Operator] = await Account("beheer", AccountRole.Operations);
    }

    /// <summary>An HTTP client for the caller: signed in, or (for <see cref="Who.Anonymous"/>) not.</summary>
    public HttpClient Http(Who who) => who == Who.Anonymous ? Host.Http : _sessions[who].Http;

    public async Task DisposeAsync()
    {
        foreach (var session in _sessions.Values)
        {
            session.Http.Dispose();
        }

        await Host.DisposeAsync();
        _file.Dispose();
    }

    private async Task<TestHost.Session> Account(string userName, AccountRole role, Guid? subject = null, (Guid Client, Guid Member)? link = null)
    {
        var account = await Host.OpenAccount(userName, role, subject);
        if (link is { } l)
        {
            await Host.Link(account, l.Client, l.Member);
        }

        return await Host.SignIn(userName);
    }

    private static async Task<Guid> Relative(TestHost.Session nurse, Guid clientId, string name, NetworkAccess access)
    {
        var added = await nurse.Http.PostAsJsonAsync($"/api/clients/{clientId}/network", new { name, relation = "Family" }, TeamDay.Json);
        added.EnsureSuccessStatusCode();
        var member = (await added.Content.ReadFromJsonAsync<ClientRecord>(TeamDay.Json))!.Network.Single(m => m.Details.Name == name).Id;
        var granted = await nurse.Http.PutAsJsonAsync($"/api/clients/{clientId}/network/{member}/access", new { access }, TeamDay.Json);
        granted.EnsureSuccessStatusCode();
        return member;
    }
}
