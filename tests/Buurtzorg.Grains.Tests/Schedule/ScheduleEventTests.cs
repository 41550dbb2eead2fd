using Buurtzorg.Contracts.Teams;

namespace Buurtzorg.Grains.Tests.Schedule;

[Collection(ClusterCollection.Name)]
public sealed class ScheduleEventTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task The_silos_relay_receives_every_change_in_order_with_consecutive_versions()
    {
        var team = fixture.Grains.GetGrain<ITeamGrain>(Guid.NewGuid());
        await team.Create("Buurtzorg Lombok");
        var nurses = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToList();
        foreach (var nurse in nurses)
        {
            await team.AddNurse(nurse, "Verpleegkundige");
        }

        var received = await ReadFor(team.GetPrimaryKey(), count: 6);

        Assert.Equal([1L, 2L, 3L, 4L, 5L, 6L], received.Select(c => c.Version));
        Assert.Equal(TeamChangeKind.Founded, received[0].Kind);
        Assert.Equal(nurses, received.Skip(1).Select(c => c.NurseId!.Value));
    }

    [Fact]
    public async Task Changes_sent_at_once_are_announced_in_the_order_they_were_stored()
    {
        var team = fixture.Grains.GetGrain<ITeamGrain>(Guid.NewGuid());
        await team.Create("Buurtzorg Ondiep");

        // The answers do not wait for the events, so later changes are stored while earlier
        // events are still being handed on: they must still arrive in order, none missing.
        // Eleven: a twelfth would still fit, a thirteenth would divide the team.
        var added = await Task.WhenAll(Enumerable.Range(0, 11).Select(_ => team.AddNurse(Guid.NewGuid(), "Verpleegkundige").AsTask()));

        Assert.All(added, a => Assert.Equal(TeamError.None, a.Error));
        var received = await ReadFor(team.GetPrimaryKey(), count: 12);
        Assert.Equal(Enumerable.Range(1, 12).Select(v => (long)v), received.Select(c => c.Version));
    }

    internal static async Task<List<TeamChanged>> ReadFor(Guid teamId, int count)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var received = new List<TeamChanged>();
        while (received.Count < count)
        {
            var change = await RecordingRelay.TeamChanges.Reader.ReadAsync(timeout.Token);
            if (change.TeamId == teamId)
            {
                received.Add(change);
            }
        }

        return received;
    }
}
