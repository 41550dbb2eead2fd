using Buurtzorg.Contracts.Schedule;
using Microsoft.Extensions.DependencyInjection;

namespace Buurtzorg.Grains.Schedule;

public static class ScheduleEventServices
{
    /// <summary>Every silo runs <typeparamref name="TRelay"/>; each silo's publisher sends to all of them.</summary>
    public static IServiceCollection AddScheduleEventRelay<TRelay>(this IServiceCollection services)
        where TRelay : GrainService, IScheduleEventRelay
    {
        services.AddGrainService<TRelay>();
        services.AddSingleton<ScheduleEventRelays>();
        return services;
    }
}
