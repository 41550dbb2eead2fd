using System.Net;
using System.Net.Http.Json;
using Buurtzorg.Contracts.Rounds;
using Buurtzorg.Contracts.Visits;
using Buurtzorg.Host.Rounds;
using Buurtzorg.Host.Tests.Infrastructure;
using static Buurtzorg.Host.Tests.Infrastructure.TeamDay;

namespace Buurtzorg.Host.Tests.Security;

/// <summary>
/// The actor is always the signed-in nurse. Attack from the hostile black-box test: claims,
/// releases, confirmations, deviations, round orders and hand-overs named a team-mate in the body,
/// and the stored report (and the confirmed hours) then named a colleague who did nothing.
/// </summary>
public sealed class ActingInAnothersNameTests : IAsyncLifetime
{
    private readonly TempSqliteFile _file = new();
    private TestHost _host = null!;
    private Guid _team;
    private Guid _anne;
    private Guid _bram;
    private TestHost.Session _anneSession = null!;
    private TestHost.Session _bramSession = null!;
    private Visit _visit = null!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartSecureOnSqlite(_file.Path);
        _team = await _host.FoundTeam("Buurtzorg Lombok");
        _anne = await _host.Hire(_team, "Anne de Wit", "anne");
        _bram = await _host.Hire(_team, "Bram Jansen", "bram");
        _anneSession = await _host.SignIn("anne");
        _bramSession = await _host.SignIn("bram");
        _visit = await _anneSession.Http.AddDailyVisit(_team, (await _anneSession.Http.AddClient(_team, "Johanna de Groot")).Id);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _file.Dispose();
    }

    private string Visit(string action) => $"/api/teams/{_team}/visits/{_visit.Id}/{action}";

    [Fact]
    public async Task Claiming_releasing_handing_over_or_confirming_in_a_team_mates_name_is_refused_and_nothing_is_stored()
    {
        var anne = _anneSession.Http;
        await ProblemAssert.Problem(await anne.PostAsJsonAsync(Visit("claim"), new { nurseId = _bram }), HttpStatusCode.BadRequest, "nurseId");
        Assert.Empty((await Stored()).AssignedNurses);

        (await _bramSession.Http.PostAsJsonAsync(Visit("claim"), new { })).EnsureSuccessStatusCode();
        await ProblemAssert.Problem(await anne.PostAsJsonAsync(Visit("release"), new { nurseId = _bram }), HttpStatusCode.BadRequest, "nurseId");
        await ProblemAssert.Problem(await anne.PostAsJsonAsync(Visit("handover"), new { fromNurseId = _bram, toNurseId = _anne }), HttpStatusCode.BadRequest, "fromNurseId");
        await ProblemAssert.Problem(await anne.PostAsJsonAsync(Visit("confirm"), new { nurseId = _bram }), HttpStatusCode.BadRequest, "nurseId");
        await ProblemAssert.Problem(await anne.PostAsJsonAsync(Visit("deviation"), new { nurseId = _bram, done = false, notDoneReason = "Niet thuis" }), HttpStatusCode.BadRequest, "nurseId");
        // Without naming her, Anne acts as herself: she does not have this visit.
        await ProblemAssert.Problem(await anne.PostAsJsonAsync(Visit("release"), new { }), HttpStatusCode.Conflict, "does not have");

        var stored = await Stored();
        Assert.Equal([_bram], stored.AssignedNurses);
        Assert.Equal((VisitStatus.Open, (Guid?)_bram), (stored.Status, stored.ChangedBy));
    }

    [Fact]
    public async Task A_colleagues_round_cannot_be_ordered_by_anyone_else()
    {
        (await _bramSession.Http.PostAsJsonAsync(Visit("claim"), new { })).EnsureSuccessStatusCode();
        var round = $"/api/teams/{_team}/rounds/{_bram}/{Today:yyyy-MM-dd}";
        var before = (await _anneSession.Http.GetFromJsonAsync<RoundView>(round, Json))!;

        await ProblemAssert.Problem(await _anneSession.Http.PutAsJsonAsync(round, new { stops = new[] { new { visitId = _visit.Id, start = "09:15" } } }), HttpStatusCode.Forbidden, "own round");
        // Nor for a nurse of no team at all.
        await ProblemAssert.Problem(await _anneSession.Http.PutAsJsonAsync($"/api/teams/{_team}/rounds/{Guid.NewGuid()}/{Today:yyyy-MM-dd}", new { stops = Array.Empty<object>() }), HttpStatusCode.Forbidden, "own round");

        var after = (await _bramSession.Http.GetFromJsonAsync<RoundView>(round, Json))!;
        Assert.Equal(before.Stops.Single().Stop.PlannedStart, after.Stops.Single().Stop.PlannedStart);
        Assert.False(after.Stops.Single().Stop.StartFixed);
    }

    [Fact]
    public async Task Every_stored_change_names_the_nurse_who_made_it_and_recording_for_a_colleague_keeps_both_names()
    {
        var claimed = await Result(await _anneSession.Http.PostAsJsonAsync(Visit("claim"), new { }));
        Assert.Equal([_anne], claimed.Visit!.AssignedNurses);
        Assert.Equal(_anne, claimed.Visit.ChangedBy);

        var handed = await Result(await _anneSession.Http.PostAsJsonAsync(Visit("handover"), new { toNurseId = _bram }));
        Assert.Equal([_bram], handed.Visit!.AssignedNurses);
        Assert.Equal(_anne, handed.Visit.ChangedBy);

        // Anne confirms Bram's visit: only as an explicit act for him, and both names are kept.
        await ProblemAssert.Problem(await _anneSession.Http.PostAsJsonAsync(Visit("confirm"), new { }), HttpStatusCode.Conflict, "does not have");
        var recorded = await Result(await _anneSession.Http.PostAsJsonAsync(Visit("confirm"), new { onBehalfOf = _bram }));
        var report = recorded.Visit!.Report!;
        Assert.Equal((_bram, (Guid?)_anne, true), (report.ReportedBy, report.RecordedBy, report.OnBehalf));
        Assert.Equal((VisitStatus.Done, (Guid?)_anne), (recorded.Visit.Status, recorded.Visit.ChangedBy));

        // For someone who does not have the visit, there is nothing to record.
        var other = await _anneSession.Http.AddDailyVisit(_team, (await _anneSession.Http.AddClient(_team, "Gerrit Bakker", "Kanaalstraat", "12")).Id);
        await ProblemAssert.Problem(await _bramSession.Http.PostAsJsonAsync($"/api/teams/{_team}/visits/{other.Id}/confirm", new { onBehalfOf = _anne }), HttpStatusCode.Conflict, "does not have");
    }

    private async Task<Visit> Stored() =>
        (await _anneSession.Http.GetFromJsonAsync<ScheduleView>($"/api/teams/{_team}/visits?from={Today:yyyy-MM-dd}&to={Today:yyyy-MM-dd}", Json))!.Visits.Single(v => v.Id == _visit.Id);

    private static async Task<RoundResult> Result(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<RoundResult>(Json))!;
    }
}
