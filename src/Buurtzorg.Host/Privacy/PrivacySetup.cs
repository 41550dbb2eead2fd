using Buurtzorg.Grains.Privacy;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Buurtzorg.Host.Privacy;

public static class PrivacySetup
{
    /// <summary>Erasure of accounts and links, and the retention job for discharged clients' records (see docs/privacy.md).</summary>
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section)
            .Validate(o => o.Years >= 1 && o.Interval > TimeSpan.Zero, "Retention:Years must be at least 1 and Retention:Interval positive.")
            .ValidateOnStart();
        services.TryAddSingleton<RetentionClock>();
        services.AddSingleton<AccountErasure>();
        services.AddSingleton<RecordRetention>();
        services.AddHostedService<RecordRetentionJob>();
        return services;
    }
}
