using System.Net;
using Buurtzorg.Host.Accounts;
using Buurtzorg.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Buurtzorg.Host.Tests.Access;

/// <summary>A session lapses after 20 idle minutes, and after 8 hours however busy; the sessions' clock is a fake one the test moves.</summary>
public sealed class SessionTests : IAsyncLifetime
{
    private readonly TempSqliteFile _file = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartSecureOnSqlite(_file.Path, services =>
            services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o => o.TimeProvider = _clock));
        await _host.OpenAccount("johanna", AccountRole.Client);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _file.Dispose();
    }

    [Fact]
    public async Task Twenty_idle_minutes_end_a_session_and_use_before_then_keeps_it()
    {
        var session = await _host.SignIn("johanna");

        _clock.Advance(TimeSpan.FromMinutes(19));
        Assert.Equal(HttpStatusCode.OK, (await session.Http.GetAsync("/api/account/me")).StatusCode);
        _clock.Advance(TimeSpan.FromMinutes(19));
        Assert.Equal(HttpStatusCode.OK, (await session.Http.GetAsync("/api/account/me")).StatusCode);
        _clock.Advance(TimeSpan.FromMinutes(21));

        Assert.Equal(HttpStatusCode.Unauthorized, (await session.Http.GetAsync("/api/account/me")).StatusCode);
    }

    [Fact]
    public async Task Eight_hours_after_signing_in_a_session_ends_however_busy()
    {
        var session = await _host.SignIn("johanna");
        for (var minutes = 15; minutes < 8 * 60; minutes += 15)
        {
            _clock.Advance(TimeSpan.FromMinutes(15));
            Assert.True((await session.Http.GetAsync("/api/account/me")).IsSuccessStatusCode, $"refused after {minutes} minutes");
        }

        _clock.Advance(TimeSpan.FromMinutes(16));

        Assert.Equal(HttpStatusCode.Unauthorized, (await session.Http.GetAsync("/api/account/me")).StatusCode);
    }
}
