using Buurtzorg.Demo;
using Buurtzorg.Host.Teams;
using Mediator;

namespace Buurtzorg.Host.Demo;

/// <summary>
/// Development feature, on only with <c>--demo</c>: fills an empty system with a small demo
/// region (teams, nurses, clients with care plans and their visits) from a fixed seed.
/// </summary>
public sealed partial class DemoRegionSeeder(IMediator mediator, IGrainFactory grains, DemoAccounts accounts, ILogger<DemoRegionSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if ((await mediator.Send(new ListTeams(), cancellationToken)).Count == 0)
        {
            var summary = await DemoRegionGenerator.Generate(grains, DemoOptions.Small, cancellationToken);
            LogSeeded(logger, summary.Teams, summary.Nurses, summary.Clients, summary.Elapsed.TotalSeconds);
        }

        // On the console, not in the log: these are credentials, for trying the demo only.
        Console.WriteLine($"DEMO ACCOUNTS (development only, password '{DemoAccounts.Password}'; add the key to an authenticator app for the code):");
        foreach (var account in await accounts.Ensure(cancellationToken))
        {
            Console.WriteLine($"  {account.UserName,-20} {account.Role,-8} {account.Who}{(account.AuthenticatorKey is { } key ? $"; authenticator key {key}" : "")}");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo region seeded: {Teams} teams, {Nurses} nurses, {Clients} clients in {Seconds:F1} s")]
    private static partial void LogSeeded(ILogger logger, int teams, int nurses, int clients, double seconds);
}
