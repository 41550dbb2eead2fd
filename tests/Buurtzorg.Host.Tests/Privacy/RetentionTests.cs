using System.Net;
using System.Net.Http.Json;
using Buurtzorg.Contracts.Clients;
using Buurtzorg.Grains.Privacy;
using Buurtzorg.Host.Accounts;
using Buurtzorg.Host.Privacy;
using Buurtzorg.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Buurtzorg.Host.Tests.Privacy;

/// <summary>A secure host whose retention clock the test moves (the silo's own timers keep real time); the job looks once a day.</summary>
public sealed class RetentionHostFixture : IAsyncLifetime
{
    private readonly TempSqliteFile _file = new();

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public TestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await TestHost.StartSecureOnSqlite(
        _file.Path,
        new Dictionary<string, string?> { ["Retention:Interval"] = "1.00:00:00" },
        services: services => services.AddSingleton(new RetentionClock(Clock)));

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        _file.Dispose();
    }
}

/// <summary>The WGBO retention rule: a discharged client's care record goes twenty years after its last change, and nothing else does.</summary>
public sealed class RetentionTests(RetentionHostFixture fixture) : IClassFixture<RetentionHostFixture>
{
    private TestHost Host => fixture.Host;

    [Fact]
    public async Task A_discharged_clients_record_is_erased_twenty_years_on_while_a_later_discharge_and_an_active_client_stay_and_a_second_run_changes_nothing()
    {
        var team = await PrivacyTeam.Start(Host);
        var grains = Host.App.Services.GetRequiredService<IGrainFactory>();
        var retention = Host.App.Services.GetRequiredService<RecordRetention>();

        var old = await team.Client("Hendrika Oud");
        var relative = await team.Relative(old, "Wim Oud", "0655544433", "wim.oud@example.nl");
        var family = await team.FamilyAccount("wim-oud", (old, relative));
        await Host.OpenAccount("hendrika-oud", AccountRole.Client, old);
        var own = await Host.SignIn("hendrika-oud");
        Assert.Equal(HttpStatusCode.OK, (await own.Http.GetAsync($"/api/clients/{old}/access-log")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await team.Nurse.Http.GetAsync($"/api/clients/{old}/care-plan")).StatusCode);
        Assert.True(await Stored.AccessLogLines(Host, old) > 0);
        await team.Discharge(old);

        fixture.Clock.Advance(TimeSpan.FromDays(365 * 10));
        var recent = await team.Client("Cornelis Later");
        await team.Discharge(recent);
        var active = await team.Client("Jannie Actief");

        // Nineteen years and more after the first discharge: not yet.
        fixture.Clock.Advance(TimeSpan.FromDays(365 * 9) + TimeSpan.FromDays(300));
        await retention.Run();
        Assert.NotNull(await grains.GetGrain<IClientGrain>(old).Get());

        // The job wakes on the clock too: two runs, and the job's, may meet; each finishes the erasure.
        fixture.Clock.Advance(TimeSpan.FromDays(100));
        await Task.WhenAll(retention.Run(), retention.Run());

        Assert.Null(await grains.GetGrain<IClientGrain>(old).Get());
        Assert.Equal(0, await Stored.GrainStatesHolding(Host, "Hendrika Oud"));
        Assert.Equal(0, await Stored.GrainStatesHolding(Host, "0655544433"));
        Assert.Equal(0, await Stored.AccessLogLines(Host, old));
        Assert.Equal(0, await Stored.LinksTo(Host, old));
        Assert.Equal(0, await Stored.AccountsNamed(Host, "hendrika-oud"));
        Assert.Equal(0, await Stored.AccountsNamed(Host, "wim-oud"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await own.Http.GetAsync("/api/account/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await family.Http.GetAsync("/api/account/me")).StatusCode);
        Assert.Equal("Cornelis Later", (await team.Record(recent)).Details.Name);
        Assert.Equal(ClientStatus.Active, (await team.Record(active)).Status);

        // Again: nothing fails on what is already gone, and nothing else goes.
        await retention.Run();
        Assert.NotNull(await grains.GetGrain<IClientGrain>(recent).Get());
        Assert.NotNull(await grains.GetGrain<IClientGrain>(active).Get());

        // The job on its own: ten more years and a day, and the later discharge goes at its next look.
        fixture.Clock.Advance(TimeSpan.FromDays(365 * 10 + 2));
        await EventuallyExtensions.Eventually(() => grains.GetGrain<IClientGrain>(recent).Get().AsTask(), record => record is null, TimeSpan.FromSeconds(20));
        Assert.NotNull(await grains.GetGrain<IClientGrain>(active).Get());
    }

    [Fact]
    public async Task A_client_taken_back_into_care_is_not_erased_and_a_record_changed_after_the_cutoff_is_kept()
    {
        var team = await PrivacyTeam.Start(Host);
        var grains = Host.App.Services.GetRequiredService<IGrainFactory>();
        var back = await team.Client("Lies Terug");
        await team.Discharge(back);
        var readmitted = await team.Nurse.Http.PutAsJsonAsync($"/api/clients/{back}/status", new { status = "Active" }, TeamDay.Json);
        Assert.Equal(HttpStatusCode.OK, readmitted.StatusCode);
        var changed = await team.Client("Ton Gewijzigd");
        await team.Discharge(changed);

        // A cutoff just before the discharge: the record changed after it, so its period runs from then.
        var late = fixture.Clock.GetUtcNow().AddYears(25);
        var check = await grains.GetGrain<IClientGrain>(changed).EraseAfterRetention(fixture.Clock.GetUtcNow().AddSeconds(-1));
        Assert.Equal(Contracts.Privacy.RetentionOutcome.ChangedSince, check.Outcome);
        Assert.Equal(Contracts.Privacy.RetentionOutcome.NotDischarged, (await grains.GetGrain<IClientGrain>(back).EraseAfterRetention(late)).Outcome);
        Assert.NotNull(await grains.GetGrain<IClientGrain>(back).Get());
        Assert.NotNull(await grains.GetGrain<IClientGrain>(changed).Get());
    }
}
