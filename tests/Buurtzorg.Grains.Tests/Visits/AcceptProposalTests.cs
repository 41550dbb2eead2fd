using System.Text.Json;
using Buurtzorg.Contracts.Rounds;
using Buurtzorg.Contracts.Visits;
using Buurtzorg.Grains.Tests.Schedule;
using Buurtzorg.Grains.Visits;
using static Buurtzorg.Grains.Tests.Visits.TeamDay;

namespace Buurtzorg.Grains.Tests.Visits;

/// <summary>A proposal is one change: taken whole, in one write and one event, or on a fault not at all.</summary>
[Collection(ClusterCollection.Name)]
public sealed class AcceptProposalTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_proposal_of_thirty_stops_is_one_write_and_one_event_naming_every_visit_client_and_nurse()
    {
        var day = await Create(fixture.Grains, nurses: 3, clients: 30);
        var (anne, bram, cor) = (day.Nurses[0], day.Nurses[1], day.Nurses[2]);
        var visits = day.Visits;
        await day.Schedule.Claim(visits[0].Id, anne);
        await day.Schedule.Claim(visits[1].Id, anne);
        await day.Schedule.Claim(visits[29].Id, bram);
        var planned = await day.Schedule.PlanRound(anne, Today, [new(visits[0].Id, null), new(visits[1].Id, null)]);
        ProposedRound[] rounds =
        [
            Round(anne, visits[1..10].Append(visits[0])),
            Round(bram, visits[10..20]),
            Round(cor, visits[20..29], moved: (visits[29], bram)),
        ];
        // The schedule is stored per day: a proposal for one day writes that day's row and no other.
        var row = TeamScheduleGrain.DayGrainId(day.TeamId, Today);
        var (headWrites, dayWrites) = (fixture.Storage.Writes(day.Schedule.GetGrainId()), fixture.Storage.Writes(row));

        var accepted = await day.Schedule.AcceptProposal(planned.Version, Today, rounds, acceptedBy: bram);

        Assert.Equal((headWrites, dayWrites + 1), (fixture.Storage.Writes(day.Schedule.GetGrainId()), fixture.Storage.Writes(row)));
        Assert.Equal((RoundError.None, planned.Version + 1), (accepted.Error, accepted.Version));
        // Anne's two come in another order; Bram's one went to Cor.
        Assert.Equal((27, 1, 1), (accepted.Claimed, accepted.Moved, accepted.RoundsReordered));
        Assert.Empty(accepted.Skipped);

        // A next change, so every event of the acceptance has been published before it.
        var next = await day.Schedule.Release(visits[0].Id, anne);
        var events = await ScheduleChanges(day.TeamId, after: planned.Version, until: next.Version);
        Assert.Equal([planned.Version + 1, planned.Version + 2], events.Select(e => e.Version));
        var change = events[0];
        Assert.Equal(visits.Select(v => v.Id).Order(), change.VisitIds.Order());
        Assert.Equal(visits.Select(v => v.ClientId).Order(), change.ClientIds.Order());
        Assert.Equal(day.Nurses.Order(), change.NurseIds.Order());

        var now = (await day.Schedule.GetVisits(Today, Today)).Visits.ToDictionary(v => v.Id);
        Assert.All(visits[10..20], v => Assert.Equal([bram], now[v.Id].AssignedNurses));
        Assert.All(visits[20..30], v => Assert.Equal([cor], now[v.Id].AssignedNurses));
    }

    [Fact]
    public async Task A_proposal_whose_write_fails_leaves_the_schedule_exactly_as_it_was_and_can_then_be_taken()
    {
        var day = await Create(fixture.Grains, nurses: 2, clients: 6);
        var (anne, bram) = (day.Nurses[0], day.Nurses[1]);
        await day.Schedule.Claim(day.Visits[0].Id, anne);
        var before = await Snapshot(day);
        ProposedRound[] rounds = [Round(anne, Enumerable.Reverse(day.Visits[..3])), Round(bram, day.Visits[3..])];

        using (fixture.Storage.FailWrites(TeamScheduleGrain.DayGrainId(day.TeamId, Today)))
        {
            var failed = await Assert.ThrowsAnyAsync<Exception>(() => day.Schedule.AcceptProposal(before.Version, Today, rounds, anne).AsTask());
            Assert.Contains("Injected storage fault", failed.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal(before.Json, (await Snapshot(day)).Json);
        var taken = await day.Schedule.AcceptProposal(before.Version, Today, rounds, anne);
        Assert.Equal((RoundError.None, before.Version + 1, 5), (taken.Error, taken.Version, taken.Claimed));
    }

    /// <summary>Everything a page can read of the schedule: the horizon's visits and each nurse's round today.</summary>
    private static async Task<(long Version, string Json)> Snapshot(TeamDay day)
    {
        var view = await day.Schedule.GetVisits(Today, Today.AddDays(ScheduleHorizon.Days - 1));
        var rounds = new List<NurseRound>();
        foreach (var nurse in day.Nurses)
        {
            rounds.Add(await day.Schedule.GetRound(nurse, Today));
        }

        return (view.Version, JsonSerializer.Serialize(new { view, rounds }));
    }

    /// <summary>The team's published schedule changes after one version, up to and including another.</summary>
    private static async Task<List<ScheduleChanged>> ScheduleChanges(Guid teamId, long after, long until)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var received = new List<ScheduleChanged>();
        while (received.LastOrDefault()?.Version != until)
        {
            var change = await RecordingRelay.ScheduleChanges.Reader.ReadAsync(timeout.Token);
            if (change.TeamId == teamId && change.Version > after)
            {
                received.Add(change);
            }
        }

        return received;
    }
}
