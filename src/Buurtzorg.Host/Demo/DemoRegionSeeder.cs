using Buurtzorg.Demo;
using Buurtzorg.Host.Teams;
using Mediator;

namespace Buurtzorg.Host.Demo;

/// <summary>
/// Development feature, on only with <c>--demo</c>: fills an empty system with a small demo
/// region (teams, nurses, clients with care plans and their visits) from a fixed seed.
/// </summary>
public sealed partial class DemoRegionSeeder(IMediator mediator, IGrainFactory grains, ILogger<DemoRegionSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if ((await mediator.Send(new ListTeams(), cancellationToken)).Count > 0)
        {
            return;
        }

        var summary = await DemoRegionGenerator.Generate(grains, DemoOptions.Small, cancellationToken);
        LogSeeded(logger, summary.Teams, summary.Nurses, summary.Clients, summary.Elapsed.TotalSeconds);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo region seeded: {Teams} teams, {Nurses} nurses, {Clients} clients in {Seconds:F1} s")]
    private static partial void LogSeeded(ILogger logger, int teams, int nurses, int clients, double seconds);
}
