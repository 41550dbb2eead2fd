using Buurtzorg.Contracts.Schedule;
using Microsoft.Extensions.DependencyInjection;

namespace Buurtzorg.Grains.Schedule;

public static class ScheduleEventServices
{
    /// <summary>Every silo runs <typeparamref name="TRelay"/>; each silo's publisher sends to all of them.</summary>
    public static IServiceCollection AddScheduleEventRelay<TRelay>(this IServiceCollection services, Action<ScheduleEventOptions>? configure = null)
        where TRelay : GrainService, IScheduleEventRelay
    {
        services.AddOptions<ScheduleEventOptions>().Configure(o => configure?.Invoke(o));
        services.AddGrainService<TRelay>();
        services.AddSingleton<ScheduleEventRelays>();
        return services;
    }
}
