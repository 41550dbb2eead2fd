using System.Collections.Concurrent;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Host.Access;
using Buurtzorg.Host.Schedule;
using Buurtzorg.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Buurtzorg.Host.Tests.Schedule;

/// <summary>
/// A team's change checks again only the watches it can affect: its own team's, and those of
/// the nurses it names. A watch of another team is not asked about at all, and a watch whose
/// rights cannot be read ends (the page asks again) without keeping the event from the others.
/// </summary>
public sealed class TargetedRecheckTests : IAsyncLifetime
{
    private readonly TempSqliteFile _file = new();
    private readonly RecordingPolicy _policy = new();
    private TestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await TestHost.StartSecureOnSqlite(_file.Path, services => services.AddSingleton<IAccessPolicy>(provider =>
        {
            _policy.Inner = ActivatorUtilities.CreateInstance<AccessPolicy>(provider);
            return _policy;
        }));

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _file.Dispose();
    }

    [Fact]
    public async Task A_teams_change_rechecks_its_own_watches_and_not_another_teams()
    {
        var lombok = await _host.FoundTeam("Buurtzorg Lombok");
        var zuilen = await _host.FoundTeam("Buurtzorg Zuilen");
        await _host.Hire(lombok, "Fenna Kok", "fenna");
        await _host.Hire(zuilen, "Mila de Wit", "mila");
        await using var fenna = await (await _host.SignIn("fenna")).ConnectToHub();
        await using var mila = await (await _host.SignIn("mila")).ConnectToHub();
        var milaHears = new HubEvents<TeamChanged>(mila, nameof(IScheduleClient.TeamChanged));
        var fennaEnded = new HubEvents<string>(fenna, nameof(IScheduleClient.WatchEnded));
        await fenna.InvokeAsync<object>("WatchTeam", lombok);
        await mila.InvokeAsync<object>("WatchTeam", zuilen);
        _policy.Asked.Clear();

        var newcomer = await _host.Hire(zuilen, "Noor Bos", "noor");

        // The relay checks the watches before it sends the change, so once Mila hears it the check is done.
        await milaHears.Next(c => c.TeamId == zuilen && c.NurseId == newcomer);
        Assert.Contains(_policy.Asked, a => a.Resource == zuilen);
        Assert.DoesNotContain(_policy.Asked, a => a.Resource == lombok);

        // Lombok's rights cannot be read just as Lombok changes: Fenna's watch ends, and Mila still hears her team.
        _policy.Unreadable = lombok;
        await _host.Hire(lombok, "Sara Vos", "sara");
        Assert.Equal(ScheduleGroups.Team(lombok), await fennaEnded.Next(_ => true));
        var second = await _host.Hire(zuilen, "Iris Mol", "iris");
        await milaHears.Next(c => c.TeamId == zuilen && c.NurseId == second);
    }

    private sealed class RecordingPolicy : IAccessPolicy
    {
        public IAccessPolicy Inner { get; set; } = null!;

        public Guid? Unreadable { get; set; }

        public ConcurrentBag<(AccessRule Rule, Guid? Resource)> Asked { get; } = [];

        public ValueTask<bool> Allows(Caller caller, AccessRule rule, Guid? resource, CancellationToken cancellationToken = default)
        {
            Asked.Add((rule, resource));
            return resource is not null && resource == Unreadable
                ? throw new SiloUnavailableException()
                : Inner.Allows(caller, rule, resource, cancellationToken);
        }
    }
}
