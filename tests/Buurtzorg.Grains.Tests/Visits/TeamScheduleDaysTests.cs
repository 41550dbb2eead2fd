using System.Text.Json;
using Buurtzorg.Contracts.CarePlans;
using Buurtzorg.Contracts.CarePlans.Omaha;
using Buurtzorg.Contracts.Geography;
using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Contracts.Rounds;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Contracts.Visits;
using Buurtzorg.Grains.Visits;
using Orleans.Core.Internal;
using Xunit.Abstractions;
using static Buurtzorg.Grains.Tests.Visits.TeamDay;

namespace Buurtzorg.Grains.Tests.Visits;

/// <summary>
/// The schedule is stored per day: a nurse's change writes one day's row, a change cut off between
/// its days and the head reads back whole, and a schedule stored whole (schema 1) still reads and
/// is stored per day from its first change on.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class TeamScheduleDaysTests(ClusterFixture fixture, ITestOutputHelper output)
{
    private const string Head = "team-schedule";

    [Fact]
    public async Task A_claim_writes_the_row_of_its_day_only()
    {
        var day = await Create(fixture.Grains, nurses: 1, clients: 2);
        var (today, tomorrow) = (TeamScheduleGrain.DayGrainId(day.TeamId, Today), TeamScheduleGrain.DayGrainId(day.TeamId, Today.AddDays(1)));
        var before = (fixture.Storage.Writes(day.Schedule.GetGrainId()), fixture.Storage.Writes(today), fixture.Storage.Writes(tomorrow));

        var claimed = await day.Schedule.Claim(day.Visits[0].Id, day.Nurses[0]);

        Assert.Equal(RoundError.None, claimed.Error);
        Assert.Equal((before.Item1, before.Item2 + 1, before.Item3), (fixture.Storage.Writes(day.Schedule.GetGrainId()), fixture.Storage.Writes(today), fixture.Storage.Writes(tomorrow)));
        var row = await fixture.Storage.Stored<TeamScheduleDayState>(TeamScheduleGrain.DayStateName, today);
        Assert.Equal(claimed.Version, row.Version);
        Assert.Equal([day.Nurses[0]], row.Visits.Single(v => v.Id == day.Visits[0].Id).AssignedNurses);
    }

    [Fact]
    public async Task A_change_whose_days_were_stored_but_not_its_head_reads_back_whole_and_no_version_is_given_twice()
    {
        var day = await Create(fixture.Grains, nurses: 1, clients: 1);
        var start = await day.Schedule.GetVisits(Today, Today.AddDays(ScheduleHorizon.Days - 1));
        var newcomer = Guid.NewGuid();
        var care = Daily();
        long added;
        using (fixture.Storage.FailWrites(day.Schedule.GetGrainId()))
        {
            // A new client changes the interventions (the head) and visits on every day (the rows):
            // the rows are written, the head is not.
            var failed = await Assert.ThrowsAnyAsync<Exception>(() => day.Schedule.SyncClient(newcomer, [care]).AsTask());
            Assert.Contains("Injected storage fault", failed.ToString(), StringComparison.Ordinal);

            var after = await day.Schedule.GetChanges(start.Version);
            added = after.Version;
            Assert.Equal(start.Version + 1, added);
            Assert.False(after.Complete);
            Assert.Equal(ScheduleHorizon.Days, after.Visits.Count(v => v.ClientId == newcomer));

            // A nurse's change needs no head: it goes on, at the next version.
            var visit = after.Visits.Single(v => v.ClientId == newcomer && v.Date == Today);
            var claimed = await day.Schedule.Claim(visit.Id, day.Nurses[0]);
            Assert.Equal((RoundError.None, added + 1), (claimed.Error, claimed.Version));

            // The first client's visits go (nobody has them); each removal is stored with its day.
            await Assert.ThrowsAnyAsync<Exception>(() => day.Schedule.SyncClient(day.Visits[0].ClientId, []).AsTask());
        }

        var beforeRestart = await Snapshot(day.Schedule);
        await Restart(day.Schedule);

        var afterRestart = await Snapshot(day.Schedule);
        Assert.Equal(beforeRestart, afterRestart);
        var changes = await day.Schedule.GetChanges(start.Version);
        Assert.Equal(added + 2, changes.Version);
        Assert.False(changes.Complete);
        Assert.Equal(start.Visits.Select(v => v.Id).Order(), changes.RemovedVisitIds.Order());
        Assert.Equal(ScheduleHorizon.Days, changes.Visits.Count(v => v.ClientId == newcomer));

        // The care plan syncs again: its interventions reach the head, at a version never used before.
        var synced = await day.Schedule.SyncClient(newcomer, [care]);
        Assert.True(synced >= added + 2);
        var head = await fixture.Storage.Stored<TeamScheduleState>(Head, day.Schedule.GetGrainId());
        Assert.Contains(newcomer, head.ClientInterventions.Keys);
    }

    [Fact]
    public async Task A_schedule_stored_whole_reads_and_is_stored_per_day_from_its_first_change()
    {
        var (teamId, nurse) = await TeamWithNurse();
        var old = NationalSizeSchedule(nurse, clients: 8);
        old.Removed = [new RemovedVisit(Guid.NewGuid(), 3, Today.AddDays(-2))];
        old.RemovalsKnownSince = 2;
        var schedule = fixture.Grains.GetGrain<ITeamScheduleGrain>(teamId);
        await fixture.Storage.WriteStateAsync(Head, schedule.GetGrainId(), new GrainState<TeamScheduleState>(old));

        var read = await View(schedule);
        Assert.Equal(old.Version, read.Version);
        Assert.Equal(old.Visits.Count, read.Visits.Count);
        var open = old.Visits.First(v => v.Date == Today && v.AssignedNurses.Count == 0);
        var claimed = await schedule.Claim(open.Id, nurse);
        Assert.Equal((RoundError.None, old.Version + 1), (claimed.Error, claimed.Version));

        var head = await fixture.Storage.Stored<TeamScheduleState>(Head, schedule.GetGrainId());
        Assert.Equal((2, 0, 0), (head.Schema, head.Visits.Count, head.Rounds.Count));
        Assert.Equal(old.Visits.Select(v => v.Date).Distinct().Order(), head.Days);
        Assert.Equal(old.ClientInterventions.Count, head.ClientInterventions.Count);
        var row = await fixture.Storage.Stored<TeamScheduleDayState>(TeamScheduleGrain.DayStateName, TeamScheduleGrain.DayGrainId(teamId, Today));
        Assert.Equal(old.Visits.Count(v => v.Date == Today), row.Visits.Count);

        var before = await Snapshot(schedule);
        await Restart(schedule);
        Assert.Equal(before, await Snapshot(schedule));
        var changes = await schedule.GetChanges(old.Version);
        Assert.Equal([open.Id], changes.Visits.Select(v => v.Id));
        Assert.Equal(old.Removed.Select(r => r.Id), (await schedule.GetChanges(2)).RemovedVisitIds);
        Assert.True((await schedule.GetChanges(1)).Complete);
    }

    [Fact]
    public async Task A_day_that_leaves_the_horizon_leaves_the_index_and_its_row_is_cleared()
    {
        var (teamId, nurse) = await TeamWithNurse();
        var old = NationalSizeSchedule(nurse, clients: 2);
        old.Visits.RemoveAll(v => v.Date >= Today.AddDays(ScheduleHorizon.Days - 1));
        var leaving = Today.AddDays(-29);
        old.Visits.AddRange(old.Visits.Where(v => v.Date == Today.AddDays(-28)).Select(v => v with { Id = Guid.NewGuid(), Date = leaving }).ToList());
        var schedule = fixture.Grains.GetGrain<ITeamScheduleGrain>(teamId);
        await fixture.Storage.WriteStateAsync(Head, schedule.GetGrainId(), new GrainState<TeamScheduleState>(old));
        var open = old.Visits.First(v => v.Date == Today && v.AssignedNurses.Count == 0);
        await schedule.Claim(open.Id, nurse);
        Assert.Contains(leaving, (await fixture.Storage.Stored<TeamScheduleState>(Head, schedule.GetGrainId())).Days);

        // Stored per day, as yesterday's roll left it; today's roll lets the oldest day go.
        var head = new GrainState<TeamScheduleState>(new());
        await fixture.Storage.ReadStateAsync(Head, schedule.GetGrainId(), head);
        head.State!.GeneratedFrom = Today.AddDays(-1);
        await Restart(schedule);
        await fixture.Storage.WriteStateAsync(Head, schedule.GetGrainId(), head);

        var view = await schedule.GetVisits(leaving, Today.AddDays(ScheduleHorizon.Days - 1));

        Assert.DoesNotContain(view.Visits, v => v.Date < Today.AddDays(-28));
        Assert.Contains(view.Visits, v => v.Date == Today.AddDays(ScheduleHorizon.Days - 1));
        var stored = await fixture.Storage.Stored<TeamScheduleState>(Head, schedule.GetGrainId());
        Assert.Equal((Today, false), (stored.GeneratedFrom, stored.Days.Contains(leaving)));
        Assert.Contains(Today.AddDays(ScheduleHorizon.Days - 1), stored.Days);
        Assert.Empty((await fixture.Storage.Stored<TeamScheduleDayState>(TeamScheduleGrain.DayStateName, TeamScheduleGrain.DayGrainId(teamId, leaving))).Visits);
        await Restart(schedule);
        Assert.Equal(view.Visits.Select(v => v.Id).Order(), (await schedule.GetVisits(leaving, Today.AddDays(ScheduleHorizon.Days - 1))).Visits.Select(v => v.Id).Order());
    }

    /// <summary>
    /// The measurement of issue 17: bytes a claim stores for a team of the national benchmark's
    /// size (about 70 clients, 14 days ahead and 28 back), stored whole as before and per day.
    /// </summary>
    [Fact]
    public async Task A_claim_on_a_national_size_team_stores_at_most_a_twentieth_of_the_whole_schedule()
    {
        var (teamId, nurse) = await TeamWithNurse();
        var whole = NationalSizeSchedule(nurse, clients: 70);
        var schedule = fixture.Grains.GetGrain<ITeamScheduleGrain>(teamId);
        await fixture.Storage.WriteStateAsync(Head, schedule.GetGrainId(), new GrainState<TeamScheduleState>(whole));
        var todays = whole.Visits.Where(v => v.Date == Today && v.AssignedNurses.Count == 0 && v.WindowStart.Hour == 8).ToList();

        long migration;
        using (fixture.Storage.CountBytes())
        {
            Assert.Equal(RoundError.None, (await schedule.Claim(todays[0].Id, nurse)).Error);
            migration = fixture.Storage.BytesWritten(Head, TeamScheduleGrain.DayStateName);
        }

        long perClaim;
        using (fixture.Storage.CountBytes())
        {
            Assert.Equal(RoundError.None, (await schedule.Claim(todays[1].Id, nurse)).Error);
            perClaim = fixture.Storage.BytesWritten(Head, TeamScheduleGrain.DayStateName);
        }

        // Before: every claim wrote the schedule whole, as the first claim's migration does now.
        output.WriteLine($"team of {whole.ClientInterventions.Count} clients, {whole.Visits.Count} visits over {whole.Visits.Select(v => v.Date).Distinct().Count()} days");
        output.WriteLine($"bytes per claim, stored whole (schema 1): {migration:N0}; stored per day (schema 2): {perClaim:N0}; ratio 1/{(double)migration / perClaim:F0}");
        Assert.True(perClaim * 20 <= migration, $"A claim stored {perClaim} bytes of a {migration}-byte schedule.");
    }

    /// <summary>What a page can read of the schedule, four weeks back to the end of the horizon.</summary>
    private static async Task<string> Snapshot(ITeamScheduleGrain schedule) => Json(await View(schedule));

    private static async Task<ScheduleView> View(ITeamScheduleGrain schedule) =>
        await schedule.GetVisits(Today.AddDays(-28), Today.AddDays(ScheduleHorizon.Days - 1));

    private static async Task Restart(ITeamScheduleGrain schedule)
    {
        await schedule.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        // The next call finds a new activation, which reads what is stored.
        await Task.Delay(100);
    }

    private async Task<(Guid TeamId, Guid NurseId)> TeamWithNurse()
    {
        var teamId = Guid.NewGuid();
        await fixture.Grains.GetGrain<ITeamGrain>(teamId).Create("Buurtzorg Lunetten");
        var nurseId = Guid.NewGuid();
        var nurse = fixture.Grains.GetGrain<INurseGrain>(nurseId);
        await nurse.Register(new NurseProfile(
            "Verpleegkundige", [Qualification.InjectionsAndMedication], 32, new GeoPoint(52.10, 5.11),
            [.. Enum.GetValues<DayOfWeek>().Select(d => new AvailabilitySlot(d, new TimeOnly(7, 0), new TimeOnly(17, 0)))]));
        await nurse.MoveToTeam(teamId);
        return (teamId, nurseId);
    }

    /// <summary>
    /// A schedule as the old release stored it (schema 1): every client one or two interventions a
    /// day, 28 days back (done, reported) and 14 ahead, about 3,000 visits for 70 clients, which is
    /// the size of an average team of the national benchmark (730 kB stored).
    /// </summary>
    private static TeamScheduleState NationalSizeSchedule(Guid nurse, int clients)
    {
        var state = new TeamScheduleState { Version = 40, GeneratedFrom = Today, RemovalsKnownSince = 0 };
        for (var c = 0; c < clients; c++)
        {
            var client = Guid.NewGuid();
            List<Intervention> interventions = c % 3 == 0 ? [Daily(), Daily(new TimeOnly(17, 0), new TimeOnly(19, 0))] : [Daily()];
            state.ClientInterventions[client] = interventions;
            for (var d = -28; d < ScheduleHorizon.Days; d++)
            {
                var date = Today.AddDays(d);
                foreach (var i in interventions)
                {
                    var past = d < 0;
                    var report = past ? new VisitReport(nurse, DateTimeOffset.UtcNow.AddDays(d), true, true, i.Schedule.WindowStart, i.Schedule.DurationMinutes, null, nurse) : null;
                    state.Visits.Add(new Visit(
                        Guid.NewGuid(), client, i.Id, date, 0, i.Schedule.WindowStart, i.Schedule.WindowEnd, i.Schedule.DurationMinutes, i.Schedule.RequiredQualification, 1,
                        past ? [nurse] : [], past ? VisitStatus.Done : VisitStatus.Open, VisitMark.None, 1 + ((d + 28) % 39), report, past ? nurse : null));
                }
            }
        }

        return state;
    }

    private static Intervention Daily(TimeOnly? from = null, TimeOnly? to = null) => new(
        Guid.NewGuid(), InterventionCategory.TreatmentsAndProcedures, 39, "Medicatie geven",
        new InterventionSchedule(1, SchedulePeriod.Day, from ?? new TimeOnly(8, 0), to ?? new TimeOnly(10, 0), 15, Qualification.InjectionsAndMedication, false),
        Performer.Team, null);

    private static string Json(object value) => JsonSerializer.Serialize(value);
}
