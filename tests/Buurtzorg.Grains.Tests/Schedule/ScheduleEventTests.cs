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
