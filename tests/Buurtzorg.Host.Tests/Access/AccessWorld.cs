using System.Net.Http.Json;
using Buurtzorg.Contracts.Clients;
using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Contracts.Visits;
using Buurtzorg.Host.Accounts;
using Buurtzorg.Host.Nurses;
using Buurtzorg.Host.Teams;
using Buurtzorg.Host.Tests.Infrastructure;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

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
        Host = await TestHost.StartSecureOnSqlite(_file.Path);
        var mediator = Host.App.Services.GetRequiredService<IMediator>();
        TeamA = (await mediator.Send(new CreateTeam("Buurtzorg Lombok"))).Id;
        TeamB = (await mediator.Send(new CreateTeam("Buurtzorg Zuilen"))).Id;
        NurseA1 = await Hire(mediator, "Anne de Wit", TeamA);
        NurseA2 = await Hire(mediator, "Bram Jansen", TeamA);
        NurseB1 = await Hire(mediator, "Carla Smit", TeamB);

        var a1 = await Account("a1", AccountRole.Nurse, NurseA1);
        var b1 = await Account("b1", AccountRole.Nurse, NurseB1);
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

    private static async Task<Guid> Hire(IMediator mediator, string name, Guid teamId)
    {
        var nurse = await mediator.Send(new RegisterNurse(
            name, [Qualification.BasicCare, Qualification.InjectionsAndMedication], 28, 52.09, 5.12,
            [.. Enum.GetValues<DayOfWeek>().Select(day => new AvailabilitySlotInput(day, new TimeOnly(7, 0), new TimeOnly(22, 0)))]));
        await mediator.Send(new MoveNurse(nurse.Id, teamId));
        return nurse.Id;
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
