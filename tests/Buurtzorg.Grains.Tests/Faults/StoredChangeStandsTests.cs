using Buurtzorg.Contracts.Capacity;
using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Contracts.Rounds;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Grains.Nurses;
using Buurtzorg.Grains.Schedule;
using Buurtzorg.Grains.Teams;
using Buurtzorg.Grains.Tests.Schedule;
using Buurtzorg.Grains.Tests.Visits;
using Buurtzorg.Grains.Visits;

namespace Buurtzorg.Grains.Tests.Faults;

/// <summary>
/// A stored change is the answer: telling the capacity figures or the hosts about it may fail, and
/// is then tried again, but it never turns the change into an error.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class StoredChangeStandsTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_claim_stands_when_the_team_figures_cannot_be_told_and_they_are_told_once_they_answer()
    {
        var day = await TeamDay.Create(fixture.Grains, nurses: 1, clients: 1);
        var (nurse, visit) = (day.Nurses[0], day.Visits[0]);
        var capacity = fixture.Grains.GetGrain<ITeamCapacityGrain>(day.TeamId);
        var fault = fixture.Calls.Fail(capacity.GetGrainId(), nameof(ITeamCapacityGrain.ReportDemand));

        var claimed = await day.Schedule.Claim(visit.Id, nurse);

        Assert.True(fault.Failed.Task.IsCompleted, "The claim should have tried to report the team's figures.");
        Assert.Equal(RoundError.None, claimed.Error);
        Assert.Equal([nurse], claimed.Visit!.AssignedNurses);
        var stored = await fixture.Storage.Stored<TeamScheduleDayState>(TeamScheduleGrain.DayStateName, TeamScheduleGrain.DayGrainId(day.TeamId, visit.Date));
        Assert.Equal(claimed.Version, stored.Version);
        Assert.Equal([nurse], stored.Visits.Single(v => v.Id == visit.Id).AssignedNurses);

        fault.Heal();
        await fault.PassedAfterHealing.Task.WaitAsync(Patience);
    }

    [Fact]
    public async Task A_nurses_new_hours_stand_when_her_team_figures_cannot_be_told_and_they_are_told_once_they_answer()
    {
        var day = await TeamDay.Create(fixture.Grains, nurses: 1, clients: 0);
        var nurse = fixture.Grains.GetGrain<INurseGrain>(day.Nurses[0]);
        var fault = fixture.Calls.Fail(fixture.Grains.GetGrain<ITeamCapacityGrain>(day.TeamId).GetGrainId(), nameof(ITeamCapacityGrain.ReportSupply));
        AvailabilitySlot[] mornings = [new(DayOfWeek.Monday, new TimeOnly(8, 0), new TimeOnly(12, 0))];

        var changed = await nurse.SetWeeklyAvailability(mornings);

        Assert.True(fault.Failed.Task.IsCompleted, "The change should have tried to report her hours to the team.");
        Assert.Equal(NurseError.None, changed.Error);
        var stored = await fixture.Storage.Stored<NurseState>("nurse", nurse.GetGrainId());
        Assert.Equal(changed.Nurse!.Version, stored.Version);
        Assert.Equal(mornings, stored.Profile!.WeeklyAvailability);

        fault.Heal();
        await fault.PassedAfterHealing.Task.WaitAsync(Patience);
    }

    [Fact]
    public async Task A_team_change_stands_when_its_event_cannot_be_published_and_the_event_follows_once_it_can()
    {
        var team = fixture.Grains.GetGrain<ITeamGrain>(Guid.NewGuid());
        await team.Create("Buurtzorg Wittevrouwen");
        var nurse = Guid.NewGuid();
        var fault = fixture.Calls.Fail(
            fixture.Grains.GetGrain<IScheduleEventPublisherGrain>(0).GetGrainId(),
            nameof(IScheduleEventPublisherGrain.Publish),
            firstArgument: change => change is TeamChanged { } c && c.TeamId == team.GetPrimaryKey());
        TeamResult added;
        try
        {
            added = await team.AddNurse(nurse, "Anne de Vries");

            // The answer does not wait for the event: it is published just after, and fails.
            await fault.Failed.Task.WaitAsync(Patience);
        }
        finally
        {
            fault.Heal();
        }

        Assert.Equal(TeamError.None, added.Error);
        var stored = await fixture.Storage.Stored<TeamState>("team", team.GetGrainId());
        Assert.Equal(added.Team!.Version, stored.Version);
        Assert.Contains(stored.Nurses, n => n.NurseId == nurse);

        var published = await TeamChange(team.GetPrimaryKey(), added.Team.Version);
        Assert.Equal((TeamChangeKind.NurseAdded, (Guid?)nurse), (published.Kind, published.NurseId));
    }

    private static async Task<TeamChanged> TeamChange(Guid teamId, long version)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            var change = await RecordingRelay.TeamChanges.Reader.ReadAsync(timeout.Token);
            if (change.TeamId == teamId && change.Version == version)
            {
                return change;
            }
        }
    }
}
