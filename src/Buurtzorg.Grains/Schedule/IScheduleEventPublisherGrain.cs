using Buurtzorg.Contracts.Teams;

namespace Buurtzorg.Grains.Schedule;

/// <summary>Where grains hand their change events to be carried to every host.</summary>
[Alias("Buurtzorg.Schedule.IScheduleEventPublisherGrain")]
public interface IScheduleEventPublisherGrain : IGrainWithIntegerKey
{
    [Alias("Publish")]
    ValueTask Publish(TeamChanged change);
}
