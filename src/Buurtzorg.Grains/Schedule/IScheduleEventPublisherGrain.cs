using Buurtzorg.Contracts.Capacity;
using Buurtzorg.Contracts.Clients;
using Buurtzorg.Contracts.Knowledge;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Contracts.Visits;

namespace Buurtzorg.Grains.Schedule;

/// <summary>Where grains hand their change events to be carried to every host.</summary>
[Alias("Buurtzorg.Schedule.IScheduleEventPublisherGrain")]
public interface IScheduleEventPublisherGrain : IGrainWithIntegerKey
{
    [Alias("Publish")]
    ValueTask Publish(TeamChanged change);

    [Alias("PublishSchedule")]
    ValueTask Publish(ScheduleChanged change);

    [Alias("PublishCapacity")]
    ValueTask Publish(CapacityChanged change);

    [Alias("PublishClientAccess")]
    ValueTask Publish(ClientAccessChanged change);

    [Alias("PublishQuestion")]
    ValueTask Publish(QuestionChanged change);
}
