using System.Net;
using System.Net.Http.Json;
using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Contracts.Rounds;
using Buurtzorg.Contracts.Visits;
using Buurtzorg.Host.Tests.Infrastructure;
using static Buurtzorg.Host.Tests.Infrastructure.TeamDay;

namespace Buurtzorg.Host.Tests.Planning;

/// <summary>The planner suggests; the team decides what to take, through the same claims as by hand.</summary>
public sealed class ProposalsApiTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    private TestHost Host => fixture.Host;

    private HttpClient Http => fixture.Host.Http;

    [Fact]
    public async Task A_proposal_places_what_it_can_keeps_what_nurses_have_and_says_why_the_rest_waits()
    {
        var team = await Host.CreateTeam("Buurtzorg Hoograven");
        var anne = await Host.AddWorkingNurse(team.Id, "Anne de Vries");
        var bram = await Host.AddWorkingNurse(team.Id, "Bram Jansen", [Qualification.BasicCare]);
        var kept = await Host.AddDailyVisit(team.Id, (await Host.AddClient(team.Id, "Johanna de Groot")).Id);
        var open = await Host.AddDailyVisit(team.Id, (await Host.AddClient(team.Id, "Gerrit Bakker", "Jutfaseweg", "3")).Id, qualification: Qualification.BasicCare);
        var nobody = await Host.AddDailyVisit(team.Id, (await Host.AddClient(team.Id, "Truus Visser", "Vondellaan", "8")).Id, qualification: Qualification.PalliativeCare);
        (await Host.As(anne.Id).PostAsJsonAsync($"/api/teams/{team.Id}/visits/{kept.Id}/claim", new { nurseId = anne.Id }, Json)).EnsureSuccessStatusCode();

        var proposal = (await Http.GetFromJsonAsync<RoundProposal>($"/api/teams/{team.Id}/proposals/{Today:yyyy-MM-dd}?seconds=1", Json))!;

        Assert.Contains(proposal.Rounds.SelectMany(r => r.Stops), s => s.VisitId == open.Id && s.New);
        var unplaced = Assert.Single(proposal.Unplaced);
        Assert.Equal((nobody.Id, "NoQualifiedNurse"), (unplaced.VisitId, unplaced.Reason));
        Assert.Equal(2, proposal.Rounds.Count);
        Assert.Equal(proposal.Proposed.Visits, proposal.Rounds.Sum(r => r.Proposed.Visits));
        var annes = proposal.Rounds.Single(r => r.NurseId == anne.Id);
        Assert.Contains(annes.Stops, s => s.VisitId == kept.Id && !s.New);
        Assert.Equal(1, annes.Now.Visits);
        Assert.DoesNotContain(proposal.Rounds.Single(r => r.NurseId == bram.Id).Stops, s => s.VisitId == kept.Id);
    }

    [Fact]
    public async Task Taking_one_nurses_part_claims_only_hers_and_a_proposal_on_an_older_schedule_is_refused_with_nothing_taken()
    {
        var team = await Host.CreateTeam("Buurtzorg Lunetten");
        var anne = await Host.AddWorkingNurse(team.Id, "Anne de Vries");
        await Host.AddWorkingNurse(team.Id, "Bram Jansen");
        var visits = new List<Visit>();
        foreach (var name in new[] { "Johanna", "Gerrit", "Truus", "Kees" })
        {
            visits.Add(await Host.AddDailyVisit(team.Id, (await Host.AddClient(team.Id, name, name, "1")).Id));
        }

        var proposal = (await Http.GetFromJsonAsync<RoundProposal>($"/api/teams/{team.Id}/proposals/{Today:yyyy-MM-dd}?seconds=1", Json))!;
        var hers = proposal.Rounds.Single(r => r.NurseId == anne.Id).Stops.Select(s => s.VisitId).ToHashSet();
        var taken = await Host.As(anne.Id).PostAsJsonAsync($"/api/teams/{team.Id}/proposals/{Today:yyyy-MM-dd}/accept",
            new { scheduleVersion = proposal.ScheduleVersion, nurseId = anne.Id, rounds = proposal.Rounds }, Json);
        var stale = await Host.As(anne.Id).PostAsJsonAsync($"/api/teams/{team.Id}/proposals/{Today:yyyy-MM-dd}/accept",
            new { scheduleVersion = proposal.ScheduleVersion, rounds = proposal.Rounds }, Json);

        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        Assert.Equal(hers.Count, (await taken.Content.ReadFromJsonAsync<ProposalAccepted>(Json))!.Claimed);
        var day = (await Http.GetFromJsonAsync<ScheduleView>($"/api/teams/{team.Id}/visits?from={Today:yyyy-MM-dd}&to={Today:yyyy-MM-dd}", Json))!;
        Assert.All(day.Visits, v => Assert.Equal(hers.Contains(v.Id) ? [anne.Id] : [], v.AssignedNurses));
        var round = (await Http.GetFromJsonAsync<Host.Rounds.RoundView>($"/api/teams/{team.Id}/rounds/{anne.Id}/{Today:yyyy-MM-dd}", Json))!;
        Assert.Equal(proposal.Rounds.Single(r => r.NurseId == anne.Id).Stops.Select(s => s.VisitId), round.Stops.Select(s => s.Stop.Visit.Id));

        await ProblemAssert.Problem(stale, HttpStatusCode.Conflict, "changed after this proposal");
        var unchanged = (await Http.GetFromJsonAsync<ScheduleView>($"/api/teams/{team.Id}/visits?from={Today:yyyy-MM-dd}&to={Today:yyyy-MM-dd}", Json))!;
        Assert.Equal(day.Version, unchanged.Version);
    }

    [Fact]
    public async Task Taking_a_round_that_only_changes_order_says_so_beside_the_visits_added()
    {
        var team = await Host.CreateTeam("Buurtzorg Zuilen");
        var anne = await Host.AddWorkingNurse(team.Id, "Anne de Vries");
        foreach (var name in new[] { "Johanna", "Gerrit" })
        {
            var visit = await Host.AddDailyVisit(team.Id, (await Host.AddClient(team.Id, name, name, "2")).Id);
            (await Host.As(anne.Id).PostAsJsonAsync($"/api/teams/{team.Id}/visits/{visit.Id}/claim", new { nurseId = anne.Id }, Json)).EnsureSuccessStatusCode();
        }

        var now = await RoundOrder(team.Id, anne.Id);
        var same = await Accept(team.Id, anne.Id, now);
        var reversed = await Accept(team.Id, anne.Id, [.. Enumerable.Reverse(now)]);

        Assert.Equal((0, 0), (same.Claimed, same.RoundsReordered));
        Assert.Equal((0, 1), (reversed.Claimed, reversed.RoundsReordered));
        Assert.Equal(Enumerable.Reverse(now), await RoundOrder(team.Id, anne.Id));
    }

    [Fact]
    public async Task A_visit_a_nurse_has_that_no_colleague_can_take_stays_hers_in_the_proposal_and_after_taking_it()
    {
        // Three 90-minute visits from 08:00 do not fit a shift ending at 12:00, and Bram may not inject.
        var team = await Host.CreateTeam("Buurtzorg Overvecht");
        var anne = await Host.AddWorkingNurse(team.Id, "Anne de Vries", to: "12:00");
        var bram = await Host.AddWorkingNurse(team.Id, "Bram Jansen", [Qualification.BasicCare]);
        var hers = new List<Guid>();
        foreach (var name in new[] { "Johanna", "Gerrit", "Truus" })
        {
            var visit = await Host.AddDailyVisit(team.Id, (await Host.AddClient(team.Id, name, name, "5")).Id, minutes: 90);
            (await Host.As(anne.Id).PostAsJsonAsync($"/api/teams/{team.Id}/visits/{visit.Id}/claim", new { nurseId = anne.Id }, Json)).EnsureSuccessStatusCode();
            hers.Add(visit.Id);
        }

        var proposal = (await Http.GetFromJsonAsync<RoundProposal>($"/api/teams/{team.Id}/proposals/{Today:yyyy-MM-dd}?seconds=1", Json))!;
        var kept = Assert.Single(proposal.Unplaced);
        Assert.Equal((anne.Id, "RoundFull"), (kept.KeptBy, kept.NotKept));
        Assert.Contains(kept.VisitId, hers);
        var taken = await Host.As(bram.Id).PostAsJsonAsync($"/api/teams/{team.Id}/proposals/{Today:yyyy-MM-dd}/accept",
            new { scheduleVersion = proposal.ScheduleVersion, rounds = proposal.Rounds }, Json);

        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        var day = (await Http.GetFromJsonAsync<ScheduleView>($"/api/teams/{team.Id}/visits?from={Today:yyyy-MM-dd}&to={Today:yyyy-MM-dd}", Json))!;
        Assert.All(day.Visits, v => Assert.Equal([anne.Id], v.AssignedNurses));
        Assert.Equal(hers.Order(), (await RoundOrder(team.Id, anne.Id)).Order());
    }

    [Fact]
    public async Task A_visit_of_a_nurse_on_sick_leave_goes_to_a_qualified_colleague_and_the_proposal_says_from_whom()
    {
        var team = await Host.CreateTeam("Buurtzorg Kanaleneiland");
        var anne = await Host.AddWorkingNurse(team.Id, "Anne de Vries");
        var bram = await Host.AddWorkingNurse(team.Id, "Bram Jansen");
        var visit = await Host.AddDailyVisit(team.Id, (await Host.AddClient(team.Id, "Johanna de Groot")).Id);
        (await Host.As(anne.Id).PostAsJsonAsync($"/api/teams/{team.Id}/visits/{visit.Id}/claim", new { nurseId = anne.Id }, Json)).EnsureSuccessStatusCode();
        (await Host.As(anne.Id).PostAsJsonAsync($"/api/nurses/{anne.Id}/absences", new { from = Today, to = Today, reason = "Sick" }, Json)).EnsureSuccessStatusCode();

        var proposal = (await Http.GetFromJsonAsync<RoundProposal>($"/api/teams/{team.Id}/proposals/{Today:yyyy-MM-dd}?seconds=1", Json))!;
        var stop = Assert.Single(proposal.Rounds.Single(r => r.NurseId == bram.Id).Stops);
        Assert.Equal((visit.Id, anne.Id), (stop.VisitId, stop.MovedFrom));
        Assert.Empty(proposal.Unplaced);
        var taken = await Host.As(bram.Id).PostAsJsonAsync($"/api/teams/{team.Id}/proposals/{Today:yyyy-MM-dd}/accept",
            new { scheduleVersion = proposal.ScheduleVersion, rounds = proposal.Rounds }, Json);

        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        var accepted = (await taken.Content.ReadFromJsonAsync<ProposalAccepted>(Json))!;
        Assert.Equal((0, 1), (accepted.Claimed, accepted.Moved));
        var day = (await Http.GetFromJsonAsync<ScheduleView>($"/api/teams/{team.Id}/visits?from={Today:yyyy-MM-dd}&to={Today:yyyy-MM-dd}", Json))!;
        Assert.Equal([bram.Id], Assert.Single(day.Visits).AssignedNurses);
    }

    [Fact]
    public async Task A_proposal_moves_a_visit_from_a_nurse_who_could_still_do_it_only_when_she_takes_it()
    {
        var team = await Host.CreateTeam("Buurtzorg Leidsche Rijn");
        var anne = await Host.AddWorkingNurse(team.Id, "Anne de Vries", to: "12:00");
        var bram = await Host.AddWorkingNurse(team.Id, "Bram Jansen");
        foreach (var name in new[] { "Johanna", "Gerrit", "Truus" })
        {
            var visit = await Host.AddDailyVisit(team.Id, (await Host.AddClient(team.Id, name, name, "7")).Id, minutes: 90);
            (await Host.As(anne.Id).PostAsJsonAsync($"/api/teams/{team.Id}/visits/{visit.Id}/claim", new { nurseId = anne.Id }, Json)).EnsureSuccessStatusCode();
        }

        var byBram = await AcceptAll(team.Id, bram.Id);
        var byAnne = await AcceptAll(team.Id, anne.Id);

        Assert.Equal((0, "StaysWithNurse", anne.Id), (byBram.Moved, Assert.Single(byBram.Skipped).Reason, byBram.Skipped[0].KeptBy));
        Assert.Equal(1, byAnne.Moved);
        Assert.Single(await RoundOrder(team.Id, bram.Id));
        Assert.Equal(2, (await RoundOrder(team.Id, anne.Id)).Count);
    }

    /// <summary>Takes the whole of a fresh proposal as the given nurse.</summary>
    private async Task<ProposalAccepted> AcceptAll(Guid teamId, Guid nurseId)
    {
        var proposal = (await Http.GetFromJsonAsync<RoundProposal>($"/api/teams/{teamId}/proposals/{Today:yyyy-MM-dd}?seconds=1", Json))!;
        var taken = await Host.As(nurseId).PostAsJsonAsync($"/api/teams/{teamId}/proposals/{Today:yyyy-MM-dd}/accept",
            new { scheduleVersion = proposal.ScheduleVersion, rounds = proposal.Rounds }, Json);
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        return (await taken.Content.ReadFromJsonAsync<ProposalAccepted>(Json))!;
    }

    private async Task<List<Guid>> RoundOrder(Guid teamId, Guid nurseId) =>
        [.. (await Http.GetFromJsonAsync<Host.Rounds.RoundView>($"/api/teams/{teamId}/rounds/{nurseId}/{Today:yyyy-MM-dd}", Json))!.Stops.Select(s => s.Stop.Visit.Id)];

    /// <summary>Takes only this nurse's round of a fresh proposal, with her visits in the given order.</summary>
    private async Task<ProposalAccepted> Accept(Guid teamId, Guid nurseId, IReadOnlyList<Guid> order)
    {
        var proposal = (await Http.GetFromJsonAsync<RoundProposal>($"/api/teams/{teamId}/proposals/{Today:yyyy-MM-dd}?seconds=1", Json))!;
        var hers = proposal.Rounds.Single(r => r.NurseId == nurseId);
        var stops = order.Select((id, i) => new ProposedStop(id, new TimeOnly(8, 0).AddMinutes(40 * i), new TimeOnly(8, 30).AddMinutes(40 * i), false)).ToList();
        var taken = await Host.As(nurseId).PostAsJsonAsync($"/api/teams/{teamId}/proposals/{Today:yyyy-MM-dd}/accept",
            new { scheduleVersion = proposal.ScheduleVersion, nurseId, rounds = new[] { hers with { Stops = stops } } }, Json);
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        return (await taken.Content.ReadFromJsonAsync<ProposalAccepted>(Json))!;
    }

    [Fact]
    public async Task Bad_proposal_requests_are_4xx_naming_the_field()
    {
        var team = await Host.CreateTeam("Buurtzorg Tuindorp");

        await ProblemAssert.Problem(await Http.GetAsync($"/api/teams/{Guid.NewGuid()}/proposals/{Today:yyyy-MM-dd}"), HttpStatusCode.NotFound, "no team");
        await ProblemAssert.Problem(await Http.GetAsync($"/api/teams/{team.Id}/proposals/{Today:yyyy-MM-dd}?seconds=600"), HttpStatusCode.BadRequest, "seconds");
        await ProblemAssert.Problem(await Host.As(Guid.NewGuid()).PostAsJsonAsync($"/api/teams/{team.Id}/proposals/{Today:yyyy-MM-dd}/accept", new { rounds = Array.Empty<object>() }, Json), HttpStatusCode.BadRequest, "scheduleVersion");
        await ProblemAssert.Problem(await Host.As(Guid.NewGuid()).PostAsJsonAsync($"/api/teams/{team.Id}/proposals/{Today:yyyy-MM-dd}/accept", new { scheduleVersion = 0 }, Json), HttpStatusCode.BadRequest, "rounds");
        await ProblemAssert.Problem(await Host.As(Guid.NewGuid()).PostAsJsonAsync($"/api/teams/{team.Id}/proposals/{Today:yyyy-MM-dd}/accept",
            new { scheduleVersion = 0, nurseId = Guid.NewGuid(), rounds = Array.Empty<object>() }, Json), HttpStatusCode.BadRequest, "nurseId");
    }
}
