using System.Threading.Channels;
using Buurtzorg.Contracts.Schedule;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Contracts.Visits;

namespace Buurtzorg.Grains.Tests.Schedule;

[Collection(ClusterCollection.Name)]
public sealed class ScheduleEventTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_subscribed_host_receives_every_change_in_order_with_consecutive_versions()
    {
        var observer = new RecordingObserver();
        var reference = fixture.Grains.CreateObjectReference<IScheduleEventObserver>(observer);
        var registry = fixture.Grains.GetGrain<IScheduleHubRegistryGrain>(ScheduleHubRegistry.Key);
        await registry.Subscribe(reference);
        try
        {
            var team = fixture.Grains.GetGrain<ITeamGrain>(Guid.NewGuid());
            await team.Create("Buurtzorg Lombok");
            var nurses = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToList();
            foreach (var nurse in nurses)
            {
                await team.AddNurse(nurse, "Verpleegkundige");
            }

            var received = await observer.ReadFor(team.GetPrimaryKey(), count: 6);

            Assert.Equal([1L, 2L, 3L, 4L, 5L, 6L], received.Select(c => c.Version));
            Assert.Equal(TeamChangeKind.Founded, received[0].Kind);
            Assert.Equal(nurses, received.Skip(1).Select(c => c.NurseId!.Value));
        }
        finally
        {
            await registry.Unsubscribe(reference);
            fixture.Grains.DeleteObjectReference<IScheduleEventObserver>(reference);
        }
    }

    private sealed class RecordingObserver : IScheduleEventObserver
    {
        private readonly Channel<TeamChanged> _changes = Channel.CreateUnbounded<TeamChanged>();

        public Task OnTeamChanges(IReadOnlyList<TeamChanged> changes)
        {
            foreach (var change in changes)
            {
                _changes.Writer.TryWrite(change);
            }

            return Task.CompletedTask;
        }

        public Task OnScheduleChanges(IReadOnlyList<ScheduleChanged> changes) => Task.CompletedTask;

        public Task OnCapacityChanged(Contracts.Capacity.CapacityChanged change) => Task.CompletedTask;

        public Task OnClientAccessChanges(IReadOnlyList<Contracts.Clients.ClientAccessChanged> changes) => Task.CompletedTask;

        public async Task<List<TeamChanged>> ReadFor(Guid teamId, int count)
        {
            using var timeout = new CancellationTokenSource(Patience);
            var received = new List<TeamChanged>();
            while (received.Count < count)
            {
                var change = await _changes.Reader.ReadAsync(timeout.Token);
                if (change.TeamId == teamId)
                {
                    received.Add(change);
                }
            }

            return received;
        }
    }
}
