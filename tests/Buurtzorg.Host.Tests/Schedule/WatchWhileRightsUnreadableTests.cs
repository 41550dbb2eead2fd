using Buurtzorg.Host.Access;
using Buurtzorg.Host.Accounts;
using Buurtzorg.Host.Schedule;
using Buurtzorg.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Buurtzorg.Host.Tests.Schedule;

/// <summary>
/// While a silo that died is declared dead, the grains the rights are read from may not answer.
/// The watch must say "try again" (the page asks again), not fail as an unexpected error the page
/// gives up on, leaving it live but deaf.
/// </summary>
public sealed class WatchWhileRightsUnreadableTests : IAsyncLifetime
{
    private readonly TempSqliteFile _file = new();
    private readonly UnreachablePolicy _policy = new();
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartSecureOnSqlite(_file.Path, services => services.AddSingleton<IAccessPolicy>(_policy));
        await _host.OpenAccount("johanna", AccountRole.Client, Guid.NewGuid());
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _file.Dispose();
    }

    [Fact]
    public async Task A_watch_whose_rights_cannot_be_read_yet_is_answered_try_again()
    {
        var session = await _host.SignIn("johanna");
        await using var hub = await session.ConnectToHub();

        var refused = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<object>("WatchClient", UnreachablePolicy.Unreadable));

        Assert.Contains(ScheduleHub.WatchUnavailable, refused.Message, StringComparison.Ordinal);
        Assert.True(_policy.Asked);
    }

    private sealed class UnreachablePolicy : IAccessPolicy
    {
        // Only this client's rights are out of reach; signing in and connecting go as always.
        public static readonly Guid Unreadable = Guid.NewGuid();

        public bool Asked { get; private set; }

        public ValueTask<bool> Allows(Caller caller, AccessRule rule, Guid? resource, CancellationToken cancellationToken = default)
        {
            if (resource != Unreadable)
            {
                return ValueTask.FromResult(true);
            }

            Asked = true;
            throw new SiloUnavailableException();
        }
    }
}
