using System.Net;
using System.Net.Http.Json;
using Buurtzorg.Contracts.Capacity;
using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Contracts.Rounds;
using Buurtzorg.Contracts.Visits;
using Buurtzorg.Host.Rounds;
using Buurtzorg.Host.Tests.Infrastructure;
using static Buurtzorg.Host.Tests.Infrastructure.TeamDay;

namespace Buurtzorg.Host.Tests.Rounds;

/// <summary>Nurses plan their own rounds on the team's schedule, over the real HTTP API.</summary>
public sealed class RoundsApiTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    private TestHost Host => fixture.Host;

    private HttpClient Http => fixture.Host.Http;

    [Fact]
    public async Task A_nurse_claims_an_open_visit_and_a_colleague_who_tries_next_gets_409_with_who_has_it_now()
    {
        var team = await Host.CreateTeam("Buurtzorg Lombok");
        var anne = await Host.AddWorkingNurse(team.Id, "Anne de Vries");
        var bram = await Host.AddWorkingNurse(team.Id, "Bram Jansen");
        var visit = await Host.AddDailyVisit(team.Id, (await Host.AddClient(team.Id, "Johanna de Groot")).Id);

        var claimed = await Claim(team.Id, visit.Id, anne.Id);
        var refused = await Host.As(bram.Id).PostAsJsonAsync($"/api/teams/{team.Id}/visits/{visit.Id}/claim", new { nurseId = bram.Id }, Json);

        var won = (await claimed.Content.ReadFromJsonAsync<RoundResult>(Json))!;
        Assert.Equal([anne.Id], won.Visit!.AssignedNurses);
        Assert.True(won.Version > visit.Version);
        var problem = await ProblemAssert.Problem(refused, HttpStatusCode.Conflict, "Someone else");
        Assert.Equal(anne.Id.ToString(), problem.GetProperty("visit").GetProperty("assignedNurses")[0].GetString());
        Assert.Equal(won.Version, problem.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Two_nurses_claiming_the_same_visit_at_the_same_moment_exactly_one_wins_every_time()
    {
        var team = await Host.CreateTeam("Buurtzorg Hoograven");
        var nurses = new[] { await Host.AddWorkingNurse(team.Id, "Anne de Vries"), await Host.AddWorkingNurse(team.Id, "Bram Jansen") };
        for (var round = 0; round < 10; round++)
        {
            var visit = await Host.AddDailyVisit(team.Id, (await Host.AddClient(team.Id, $"Cliënt {round}")).Id);

            var answers = await Task.WhenAll(nurses.Select(n => Host.As(n.Id).PostAsJsonAsync($"/api/teams/{team.Id}/visits/{visit.Id}/claim", new { nurseId = n.Id }, Json)));

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
            var winner = nurses[Array.FindIndex(answers, a => a.StatusCode == HttpStatusCode.OK)];
            var stored = (await Http.GetFromJsonAsync<ScheduleView>($"/api/teams/{team.Id}/visits?from={Today:yyyy-MM-dd}&to={Today:yyyy-MM-dd}", Json))!
                .Visits.Single(v => v.Id == visit.Id);
            Assert.Equal([winner.Id], stored.AssignedNurses);
        }
    }

    [Fact]
    public async Task A_double_visit_takes_two_different_nurses_and_refuses_a_third()
    {
        var team = await Host.CreateTeam("Buurtzorg Tuindorp");
        var nurses = new[] { await Host.AddWorkingNurse(team.Id, "Anne"), await Host.AddWorkingNurse(team.Id, "Bram"), await Host.AddWorkingNurse(team.Id, "Carla") };
        var visit = await Host.AddDailyVisit(team.Id, (await Host.AddClient(team.Id, "Gerrit Bakker")).Id, qualification: Qualification.BasicCare, twoNurses: true, description: "Tillen met de passieve lift");

        await Claim(team.Id, visit.Id, nurses[0].Id);
        var second = await Claim(team.Id, visit.Id, nurses[1].Id);
        var third = await Host.As(nurses[2].Id).PostAsJsonAsync($"/api/teams/{team.Id}/visits/{visit.Id}/claim", new { nurseId = nurses[2].Id }, Json);

        Assert.Equal([nurses[0].Id, nurses[1].Id], (await second.Content.ReadFromJsonAsync<RoundResult>(Json))!.Visit!.AssignedNurses);
        await ProblemAssert.Problem(third, HttpStatusCode.Conflict, "Someone else");
    }

    [Fact]
    public async Task A_claim_is_refused_unchanged_for_a_missing_qualification_outside_her_hours_or_from_another_team()
    {
        var team = await Host.CreateTeam("Buurtzorg Wittevrouwen");
        var other = await Host.CreateTeam("Buurtzorg Zuilen");
        var basic = await Host.AddWorkingNurse(team.Id, "Anne", [Qualification.BasicCare]);
        var evenings = await Host.AddWorkingNurse(team.Id, "Bram", from: "17:00", to: "23:00");
        var stranger = await Host.AddWorkingNurse(other.Id, "Carla");
        var visit = await Host.AddDailyVisit(team.Id, (await Host.AddClient(team.Id, "Johanna")).Id);

        var lacking = await ProblemAssert.Problem(await TryClaim(team.Id, visit.Id, basic.Id), HttpStatusCode.UnprocessableEntity, "qualification");
        await ProblemAssert.Problem(await TryClaim(team.Id, visit.Id, evenings.Id), HttpStatusCode.UnprocessableEntity, "not available");
        await ProblemAssert.Problem(await TryClaim(team.Id, visit.Id, stranger.Id), HttpStatusCode.UnprocessableEntity, "not in this team");
        await ProblemAssert.Problem(await TryClaim(team.Id, Guid.NewGuid(), basic.Id), HttpStatusCode.NotFound, "no such visit");
        await ProblemAssert.Problem(await Host.As(basic.Id).PostAsJsonAsync($"/api/teams/{team.Id}/visits/{visit.Id}/claim", new { nurseId = evenings.Id }, Json), HttpStatusCode.BadRequest, "nurseId");

        Assert.Equal("MissingQualification", lacking.GetProperty("reason").GetString());
        var stored = await Changes(team.Id, since: 0);
        Assert.Empty(stored.Visits.Single(v => v.Id == visit.Id).AssignedNurses);
        Assert.Equal(visit.Version, stored.Visits.Single(v => v.Id == visit.Id).Version);
    }

    [Fact]
    public async Task A_nurse_is_not_available_on_a_day_of_leave()
    {
        var team = await Host.CreateTeam("Buurtzorg Vleuten");
        var anne = await Host.AddWorkingNurse(team.Id, "Anne");
        var visit = await Host.AddDailyVisit(team.Id, (await Host.AddClient(team.Id, "Johanna")).Id);
        var leave = await Http.PostAsJsonAsync($"/api/nurses/{anne.Id}/absences", new { from = Today, to = Today.AddDays(2), reason = "Leave" }, Json);
        Assert.Equal(HttpStatusCode.Created, leave.StatusCode);

        await ProblemAssert.Problem(await TryClaim(team.Id, visit.Id, anne.Id), HttpStatusCode.UnprocessableEntity, "not available");
    }

    [Fact]
    public async Task Release_and_hand_over_move_a_visit_and_refuse_what_the_nurse_does_not_have()
    {
        var team = await Host.CreateTeam("Buurtzorg Leidsche Rijn");
        var anne = await Host.AddWorkingNurse(team.Id, "Anne");
        var bram = await Host.AddWorkingNurse(team.Id, "Bram");
        var visit = await Host.AddDailyVisit(team.Id, (await Host.AddClient(team.Id, "Johanna")).Id);
        await Claim(team.Id, visit.Id, anne.Id);

        var handed = await Host.As(anne.Id).PostAsJsonAsync($"/api/teams/{team.Id}/visits/{visit.Id}/handover", new { fromNurseId = anne.Id, toNurseId = bram.Id }, Json);
        var notHers = await Host.As(anne.Id).PostAsJsonAsync($"/api/teams/{team.Id}/visits/{visit.Id}/release", new { nurseId = anne.Id }, Json);
        var released = await Host.As(bram.Id).PostAsJsonAsync($"/api/teams/{team.Id}/visits/{visit.Id}/release", new { nurseId = bram.Id }, Json);

        Assert.Equal(HttpStatusCode.OK, handed.StatusCode);
        Assert.Equal([bram.Id], (await handed.Content.ReadFromJsonAsync<RoundResult>(Json))!.Visit!.AssignedNurses);
        await ProblemAssert.Problem(notHers, HttpStatusCode.Conflict, "does not have");
        Assert.Empty((await released.Content.ReadFromJsonAsync<RoundResult>(Json))!.Visit!.AssignedNurses);
        await ProblemAssert.Problem(
            await Host.As(anne.Id).PostAsJsonAsync($"/api/teams/{team.Id}/visits/{visit.Id}/handover", new { fromNurseId = anne.Id, toNurseId = anne.Id }, Json),
            HttpStatusCode.BadRequest, "toNurseId");
    }

    [Fact]
    public async Task A_nurse_orders_her_round_and_an_order_that_breaks_a_window_or_overlaps_is_kept_with_warnings_in_minutes()
    {
        var team = await Host.CreateTeam("Buurtzorg Oog in Al");
        var anne = await Host.AddWorkingNurse(team.Id, "Anne");
        var early = await Host.AddDailyVisit(team.Id, (await Host.AddClient(team.Id, "Johanna", "Twijnstraat", "12")).Id, "08:00", "09:00", 30);
        var late = await Host.AddDailyVisit(team.Id, (await Host.AddClient(team.Id, "Gerrit", "Jutfaseweg", "3")).Id, "08:00", "12:00", 45);
        await Claim(team.Id, early.Id, anne.Id);
        await Claim(team.Id, late.Id, anne.Id);

        var byWindow = await Http.GetFromJsonAsync<RoundView>($"/api/teams/{team.Id}/rounds/{anne.Id}/{Today:yyyy-MM-dd}", Json);
        // She drives to Gerrit first at 08:40 (45 minutes), then to Johanna: 25 minutes past her window.
        var planned = await Host.As(anne.Id).PutAsJsonAsync($"/api/teams/{team.Id}/rounds/{anne.Id}/{Today:yyyy-MM-dd}",
            new { stops = new object[] { new { visitId = late.Id, start = "08:40" }, new { visitId = early.Id, start = "09:00" } } }, Json);
        var round = (await planned.Content.ReadFromJsonAsync<RoundView>(Json))!;

        Assert.Equal([early.Id, late.Id], byWindow!.Stops.Select(s => s.Stop.Visit.Id));
        Assert.Empty(byWindow.Warnings);
        Assert.Equal("Twijnstraat 12, 3511 NK Utrecht", byWindow.Stops[0].Details.Address);
        Assert.Equal("Insuline spuiten", byWindow.Stops[0].Details.WhatToDo);
        Assert.Equal(HttpStatusCode.OK, planned.StatusCode);
        Assert.Equal([late.Id, early.Id], round.Stops.Select(s => s.Stop.Visit.Id));
        Assert.Contains(new RoundWarning(early.Id, RoundWarningKind.Overlap, 25), round.Warnings);
        Assert.Contains(new RoundWarning(early.Id, RoundWarningKind.Late, 30), round.Warnings);
        var reread = await Http.GetFromJsonAsync<RoundView>($"/api/teams/{team.Id}/rounds/{anne.Id}/{Today:yyyy-MM-dd}", Json);
        Assert.Equal([late.Id, early.Id], reread!.Stops.Select(s => s.Stop.Visit.Id));

        var mismatch = await Host.As(anne.Id).PutAsJsonAsync($"/api/teams/{team.Id}/rounds/{anne.Id}/{Today:yyyy-MM-dd}", new { stops = new[] { new { visitId = late.Id } } }, Json);
        await ProblemAssert.Problem(mismatch, HttpStatusCode.UnprocessableEntity, "does not match");
        Assert.Equal(round.Version, (await Changes(team.Id, 0)).Version);
    }

    [Fact]
    public async Task A_visit_done_as_planned_is_one_action_a_deviation_needs_its_reason_and_confirmed_time_reaches_the_team_hours()
    {
        var team = await Host.CreateTeam("Buurtzorg Kanaleneiland");
        var anne = await Host.AddWorkingNurse(team.Id, "Anne");
        var done = await Host.AddDailyVisit(team.Id, (await Host.AddClient(team.Id, "Johanna")).Id, minutes: 30);
        var missed = await Host.AddDailyVisit(team.Id, (await Host.AddClient(team.Id, "Gerrit")).Id, "11:00", "12:00", minutes: 20);
        await Claim(team.Id, done.Id, anne.Id);
        await Claim(team.Id, missed.Id, anne.Id);

        var confirmed = await Host.As(anne.Id).PostAsJsonAsync($"/api/teams/{team.Id}/visits/{done.Id}/confirm", new { nurseId = anne.Id }, Json);
        var noReason = await Host.As(anne.Id).PostAsJsonAsync($"/api/teams/{team.Id}/visits/{missed.Id}/deviation", new { nurseId = anne.Id, done = false }, Json);
        var notDone = await Host.As(anne.Id).PostAsJsonAsync($"/api/teams/{team.Id}/visits/{missed.Id}/deviation", new { nurseId = anne.Id, done = false, notDoneReason = "Mevrouw was naar het ziekenhuis" }, Json);
        var twice = await Host.As(anne.Id).PostAsJsonAsync($"/api/teams/{team.Id}/visits/{done.Id}/confirm", new { nurseId = anne.Id }, Json);

        var report = (await confirmed.Content.ReadFromJsonAsync<RoundResult>(Json))!.Visit!;
        Assert.Equal((VisitStatus.Done, true, 30), (report.Status, report.Report!.AsPlanned, report.Report.DurationMinutes));
        Assert.Equal(new TimeOnly(8, 0), report.Report.Start);
        await ProblemAssert.Problem(noReason, HttpStatusCode.BadRequest, "notDoneReason");
        var skipped = (await notDone.Content.ReadFromJsonAsync<RoundResult>(Json))!.Visit!;
        Assert.Equal((VisitStatus.NotDone, "Mevrouw was naar het ziekenhuis"), (skipped.Status, skipped.Report!.NotDoneReason));
        await ProblemAssert.Problem(twice, HttpStatusCode.Conflict, "no longer open");
        var overview = await EventuallyExtensions.Eventually(
            async () => await Http.GetFromJsonAsync<CapacityOverview>("/api/capacity", Json),
            o => o!.Teams.Any(t => t.TeamId == team.Id && t.ConfirmedHoursThisWeek == 0.5m));
        Assert.NotNull(overview);
    }

    [Fact]
    public async Task A_visit_of_a_later_day_cannot_be_reported_yet()
    {
        var team = await Host.CreateTeam("Buurtzorg Lunetten");
        var anne = await Host.AddWorkingNurse(team.Id, "Anne");
        var client = await Host.AddClient(team.Id, "Johanna");
        await Host.AddDailyVisit(team.Id, client.Id);
        var tomorrow = (await Http.GetFromJsonAsync<ScheduleView>($"/api/teams/{team.Id}/visits?from={Today.AddDays(1):yyyy-MM-dd}&to={Today.AddDays(1):yyyy-MM-dd}", Json))!.Visits.Single();
        await Claim(team.Id, tomorrow.Id, anne.Id);

        await ProblemAssert.Problem(
            await Host.As(anne.Id).PostAsJsonAsync($"/api/teams/{team.Id}/visits/{tomorrow.Id}/confirm", new { nurseId = anne.Id }, Json), HttpStatusCode.UnprocessableEntity, "still to come");
    }

    [Fact]
    public async Task The_changes_since_a_version_name_what_changed_and_what_left_and_an_old_version_gets_everything()
    {
        var team = await Host.CreateTeam("Buurtzorg Overvecht-Noord");
        var anne = await Host.AddWorkingNurse(team.Id, "Anne");
        var client = await Host.AddClient(team.Id, "Johanna");
        var visit = await Host.AddDailyVisit(team.Id, client.Id);
        var before = (await Changes(team.Id, 0)).Version;

        await Claim(team.Id, visit.Id, anne.Id);
        var afterClaim = await Changes(team.Id, before);
        var status = await Http.PutAsJsonAsync($"/api/clients/{client.Id}/status", new { status = "Paused" }, Json);
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        var afterPause = await Changes(team.Id, afterClaim.Version);

        Assert.False(afterClaim.Complete);
        Assert.Equal([visit.Id], afterClaim.Visits.Select(v => v.Id));
        Assert.Equal(before + 1, afterClaim.Version);
        // Her visit stays (cancelled and marked), the unassigned ones leave the schedule.
        Assert.Equal(VisitStatus.Cancelled, afterPause.Visits.Single(v => v.Id == visit.Id).Status);
        Assert.Equal(ScheduleHorizon.Days - 1, afterPause.RemovedVisitIds.Count);
        Assert.DoesNotContain(visit.Id, afterPause.RemovedVisitIds);
        await ProblemAssert.Problem(await Http.GetAsync($"/api/teams/{team.Id}/schedule/changes?since=-1"), HttpStatusCode.BadRequest, "since");
        await ProblemAssert.Problem(await Http.GetAsync($"/api/teams/{Guid.NewGuid()}/schedule/changes?since=0"), HttpStatusCode.NotFound, "no team");
    }

    private async Task<HttpResponseMessage> Claim(Guid teamId, Guid visitId, Guid nurseId)
    {
        var response = await TryClaim(teamId, visitId, nurseId);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    private Task<HttpResponseMessage> TryClaim(Guid teamId, Guid visitId, Guid nurseId) =>
        Host.As(nurseId).PostAsJsonAsync($"/api/teams/{teamId}/visits/{visitId}/claim", new { nurseId }, Json);

    private async Task<ScheduleDelta> Changes(Guid teamId, long since) =>
        (await Http.GetFromJsonAsync<ScheduleDelta>($"/api/teams/{teamId}/schedule/changes?since={since}", Json))!;
}
