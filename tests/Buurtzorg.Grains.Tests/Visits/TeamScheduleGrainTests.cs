using Buurtzorg.Contracts.CarePlans;
using Buurtzorg.Contracts.CarePlans.Omaha;
using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Contracts.Visits;

namespace Buurtzorg.Grains.Tests.Visits;

[Collection(ClusterCollection.Name)]
public sealed class TeamScheduleGrainTests(ClusterFixture fixture)
{
    private static readonly DateOnly Today = DutchCalendar.Today(TimeProvider.System);

    private static Intervention Daily(Guid id, string from = "08:00", string to = "10:00", Performer by = Performer.Team, bool twoNurses = false) => new(
        id, InterventionCategory.TreatmentsAndProcedures, 39, "Medicatie geven",
        new InterventionSchedule(1, SchedulePeriod.Day, TimeOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), TimeOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), 15, Qualification.InjectionsAndMedication, twoNurses),
        by, by == Performer.Network ? Guid.NewGuid() : null);

    private async Task<List<Visit>> Visits(ITeamScheduleGrain schedule) =>
        [.. (await schedule.GetVisits(Today, Today.AddDays(ScheduleHorizon.Days - 1))).Visits];

    [Fact]
    public async Task A_daily_team_intervention_fills_the_horizon_and_network_tasks_make_no_visits()
    {
        var schedule = fixture.Grains.GetGrain<ITeamScheduleGrain>(Guid.NewGuid());
        var client = Guid.NewGuid();

        await schedule.SyncClient(client, [Daily(Guid.NewGuid(), twoNurses: true), Daily(Guid.NewGuid(), by: Performer.Network)]);
        var visits = await Visits(schedule);

        Assert.Equal(ScheduleHorizon.Days, visits.Count);
        Assert.All(visits, v => Assert.Equal((client, 2, Qualification.InjectionsAndMedication, 0, VisitStatus.Open), (v.ClientId, v.NursesNeeded, v.RequiredQualification!.Value, v.AssignedNurses.Count, v.Status)));
        Assert.Equal(Today, visits[0].Date);
    }

    [Fact]
    public async Task Syncing_the_same_interventions_again_changes_nothing_and_keeps_the_version()
    {
        var schedule = fixture.Grains.GetGrain<ITeamScheduleGrain>(Guid.NewGuid());
        var client = Guid.NewGuid();
        var intervention = Daily(Guid.NewGuid());

        var first = await schedule.SyncClient(client, [intervention]);
        var ids = (await Visits(schedule)).Select(v => v.Id).ToList();
        var again = await schedule.SyncClient(client, [intervention]);

        Assert.Equal(first, again);
        Assert.Equal(ids, (await Visits(schedule)).Select(v => v.Id));
    }

    [Fact]
    public async Task A_changed_time_window_updates_and_marks_the_same_visits_and_a_removed_intervention_takes_its_open_visits_away()
    {
        var schedule = fixture.Grains.GetGrain<ITeamScheduleGrain>(Guid.NewGuid());
        var client = Guid.NewGuid();
        var other = Guid.NewGuid();
        var intervention = Daily(Guid.NewGuid());
        await schedule.SyncClient(client, [intervention]);
        await schedule.SyncClient(other, [Daily(Guid.NewGuid())]);
        var before = (await Visits(schedule)).Where(v => v.ClientId == client).Select(v => v.Id).ToList();

        var changedVersion = await schedule.SyncClient(client, [Daily(intervention.Id, "09:00", "11:00")]);
        var changed = (await Visits(schedule)).Where(v => v.ClientId == client).ToList();
        await schedule.SyncClient(client, []);
        var after = await Visits(schedule);

        Assert.Equal(before, changed.Select(v => v.Id));
        Assert.All(changed, v => Assert.Equal((new TimeOnly(9, 0), VisitMark.ChangedByCarePlan, changedVersion), (v.WindowStart, v.Mark, v.Version)));
        Assert.DoesNotContain(after, v => v.ClientId == client);
        Assert.Equal(ScheduleHorizon.Days, after.Count(v => v.ClientId == other));
    }
}
