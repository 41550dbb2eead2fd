using Bogus;
using Buurtzorg.Host.Teams;
using Mediator;

namespace Buurtzorg.Host.Demo;

/// <summary>
/// Development feature, on only with <c>--demo</c>: fills an empty system with a few
/// neighbourhood teams of nurses with Dutch names, through the same commands a user sends.
/// </summary>
public sealed partial class DemoRegionSeeder(IMediator mediator, ILogger<DemoRegionSeeder> logger) : IHostedService
{
    private static readonly string[] Neighbourhoods =
    [
        "Utrecht Lombok", "Utrecht Overvecht", "Amersfoort Vathorst", "Zeist Centrum", "Houten Noord",
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if ((await mediator.Send(new ListTeams(), cancellationToken)).Count > 0)
        {
            return;
        }

        // A fixed seed: every demo start shows the same region, which makes a demo repeatable.
        var faker = new Faker("nl") { Random = new Randomizer(2007) };
        foreach (var neighbourhood in Neighbourhoods)
        {
            var team = await mediator.Send(new CreateTeam($"Buurtzorg {neighbourhood}"), cancellationToken);
            var size = faker.Random.Int(7, 11);
            for (var i = 0; i < size; i++)
            {
                await mediator.Send(new AddNurse(team.Id, null, faker.Name.FullName()), cancellationToken);
            }
        }

        LogSeeded(logger, Neighbourhoods.Length);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo region seeded with {Teams} teams")]
    private static partial void LogSeeded(ILogger logger, int teams);
}
