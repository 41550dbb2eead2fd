using Buurtzorg.Contracts.Schedule;
using Orleans.Runtime.Services;

namespace Buurtzorg.Grains.Schedule;

/// <summary>The relay of every silo the cluster currently counts as active.</summary>
public sealed class ScheduleEventRelays(IServiceProvider services, IClusterMembershipService membership)
    : GrainServiceClient<IScheduleEventRelay>(services)
{
    public IEnumerable<IScheduleEventRelay> OnEveryActiveSilo() =>
        membership.CurrentSnapshot.Members.Values
            .Where(m => m.Status == SiloStatus.Active)
            .Select(m => GetGrainService(m.SiloAddress));
}
