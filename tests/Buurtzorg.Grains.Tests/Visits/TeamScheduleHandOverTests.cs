using Buurtzorg.Contracts.Visits;

namespace Buurtzorg.Grains.Tests.Visits;

/// <summary>A client's visits arriving from a dividing team: they end with this team's nurses only, and the nurses' orders come along.</summary>
[Collection(ClusterCollection.Name)]
public sealed class TeamScheduleHandOverTests(ClusterFixture fixture)
{
    private static readonly DateOnly Today = DutchCalendar.Today(TimeProvider.System);

    private static Visit VisitOf(Guid clientId, DateOnly date, IReadOnlyList<Guid> nurses, int needed = 1, VisitStatus status = VisitStatus.Open) =>
        new(Guid.NewGuid(), clientId, Guid.NewGuid(), date, 0, new TimeOnly(8, 0), new TimeOnly(12, 0), 20, null, needed, nurses, status, VisitMark.None, 3, ChangedBy: nurses.FirstOrDefault());

    [Fact]
    public async Task A_nurse_of_the_other_team_is_taken_off_what_is_still_to_be_done_and_a_member_keeps_her_visits_and_her_order()
    {
        var schedule = fixture.Grains.GetGrain<ITeamScheduleGrain>(Guid.NewGuid());
        var (client, anne, bram) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var hers = VisitOf(client, Today, [anne]);
        var his = VisitOf(client, Today, [bram]);
        var pair = VisitOf(client, Today, [anne, bram], needed: 2);
        var done = VisitOf(client, Today.AddDays(-1), [bram], status: VisitStatus.Done);
        var elsewhere = Guid.NewGuid();
        RoundOrder[] rounds =
        [
            new(anne, Today, [new(pair.Id, null), new(elsewhere, null), new(hers.Id, new TimeOnly(9, 0))]),
            new(bram, Today, [new(his.Id, null), new(pair.Id, null)]),
        ];

        await schedule.TakeOverClient(client, [], [hers, his, pair, done], [anne], rounds);
        var first = await schedule.GetVisits(Today.AddDays(-1), Today);
        await schedule.TakeOverClient(client, [], [hers, his, pair, done], [anne], rounds);
        var again = await schedule.GetVisits(Today.AddDays(-1), Today);

        Assert.Equal(first.Version + 1, again.Version);
        var after = again.Visits.ToDictionary(v => v.Id);
        Assert.Equal(4, after.Count);
        Assert.Equal([anne], after[hers.Id].AssignedNurses);
        Assert.Equal(anne, after[hers.Id].ChangedBy);
        Assert.Equal((VisitStatus.Open, 0, (Guid?)null), (after[his.Id].Status, after[his.Id].AssignedNurses.Count, after[his.Id].ChangedBy));
        Assert.Equal([anne], after[pair.Id].AssignedNurses);
        Assert.Null(after[pair.Id].ChangedBy);
        Assert.Equal([bram], after[done.Id].AssignedNurses);

        var round = await schedule.GetRound(anne, Today);
        Assert.Equal([pair.Id, hers.Id], round.Stops.Select(s => s.Visit.Id));
        Assert.Equal((true, new TimeOnly(9, 0)), (round.Stops[1].StartFixed, round.Stops[1].PlannedStart));
        Assert.Empty((await schedule.GetRound(bram, Today)).Stops);
    }
}
