using Buurtzorg.Contracts.Faults;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Grains.Idempotency;

namespace Buurtzorg.Grains.Tests.Idempotency;

[Collection(ClusterCollection.Name)]
public sealed class OutcomeLedgerTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_keyed_command_sent_twice_changes_once_and_answers_the_first_outcome_both_times()
    {
        var team = await NewTeam();
        var nurse = Guid.NewGuid();

        var first = await Keyed("key-1", "request-a", () => team.AddNurse(nurse, "Anna").AsTask());
        var again = await Keyed("key-1", "request-a", () => team.AddNurse(nurse, "Anna").AsTask());

        Assert.Equal(TeamError.None, first.Error);
        Assert.Equal(first.Team!.Version, again.Team!.Version);
        Assert.Equal(TeamError.None, again.Error);
        Assert.Equal(2, (await team.Get())!.Version);
    }

    [Fact]
    public async Task A_key_that_comes_back_with_another_request_is_refused()
    {
        var team = await NewTeam();
        await Keyed("key-2", "request-a", () => team.AddNurse(Guid.NewGuid(), "Anna").AsTask());

        await Assert.ThrowsAsync<IdempotencyKeyReusedException>(() => Keyed("key-2", "request-b", () => team.AddNurse(Guid.NewGuid(), "Bram").AsTask()));
        Assert.Equal(["Anna"], (await team.Get())!.Nurses.Select(n => n.Name));
    }

    [Fact]
    public async Task Without_a_key_the_same_command_is_simply_applied_again()
    {
        var team = await NewTeam();

        await team.AddNurse(Guid.NewGuid(), "Anna");
        await team.AddNurse(Guid.NewGuid(), "Anna");

        Assert.Equal(2, (await team.Get())!.Nurses.Count);
    }

    [Fact]
    public async Task A_release_whose_answer_was_lost_answers_the_same_on_its_retry_instead_of_not_assigned()
    {
        var day = await Visits.TeamDay.Create(fixture.Grains, nurses: 1, clients: 1);
        var (nurse, visit) = (day.Nurses[0], day.Visits[0]);
        await day.Schedule.Claim(visit.Id, nurse);

        var first = await Keyed("release-1", "release", () => day.Schedule.Release(visit.Id, nurse).AsTask());
        var retry = await Keyed("release-1", "release", () => day.Schedule.Release(visit.Id, nurse).AsTask());
        var unkeyed = await day.Schedule.Release(visit.Id, nurse);

        Assert.Equal(Contracts.Rounds.RoundError.None, first.Error);
        Assert.Equal((first.Error, first.Version), (retry.Error, retry.Version));
        Assert.Equal(Contracts.Rounds.RoundError.NotAssigned, unkeyed.Error);
    }

    [Fact]
    public void The_ledger_forgets_outcomes_beyond_its_window_and_its_capacity()
    {
        var ledger = new OutcomeLedger();
        var start = DateTimeOffset.UnixEpoch;
        ledger.Add(new KeptOutcome("old", "AddNurse", "f", start, null));
        for (var i = 0; i < OutcomeLedger.Capacity + 5; i++)
        {
            ledger.Add(new KeptOutcome($"k{i}", "AddNurse", "f", start + OutcomeLedger.Window + TimeSpan.FromSeconds(i + 1), null));
        }

        Assert.Equal(OutcomeLedger.Capacity, ledger.Entries.Count);
        Assert.Null(ledger.Find("old", "AddNurse"));
        Assert.Null(ledger.Find("k0", "AddNurse"));
        Assert.NotNull(ledger.Find($"k{OutcomeLedger.Capacity + 4}", "AddNurse"));
    }

    private async Task<ITeamGrain> NewTeam()
    {
        var team = fixture.Grains.GetGrain<ITeamGrain>(Guid.NewGuid());
        await team.Create("Buurtzorg Lombok");
        return team;
    }

    private static async Task<T> Keyed<T>(string key, string fingerprint, Func<Task<T>> call)
    {
        IdempotentRequest.Carry(key, fingerprint);
        try
        {
            return await call();
        }
        finally
        {
            RequestContext.Clear();
        }
    }
}
