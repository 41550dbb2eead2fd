using System.Net;
using System.Text.Json;
using Buurtzorg.Host.Operations;
using Buurtzorg.Host.Tests.Infrastructure;
using Buurtzorg.Persistence;
using Buurtzorg.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Buurtzorg.Host.Tests.Operations;

/// <summary>What a load balancer, a container healthcheck and a Prometheus scrape see, without signing in.</summary>
public sealed class HealthTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    private readonly TestHost _host = fixture.Host;

    [Fact]
    public async Task A_running_host_is_live_and_ready_with_its_database_and_silo_checked()
    {
        using var anonymous = new HttpClient { BaseAddress = _host.Address };
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(ServiceDefaultsExtensions.LivePath)).StatusCode);

        var ready = await anonymous.GetAsync(ServiceDefaultsExtensions.ReadyPath);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Healthy", report.GetProperty("status").GetString());
        var checks = report.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal("Healthy", checks["database"]);
        Assert.Equal("Healthy", checks["silo"]);
    }

    [Fact]
    public async Task The_probe_the_container_runs_exits_zero_on_a_ready_host_and_one_where_nothing_answers()
    {
        Assert.Equal(0, await HealthProbe.Run([HealthProbe.Flag, new Uri(_host.Address, ServiceDefaultsExtensions.ReadyPath).ToString()]));
        Assert.Equal(1, await HealthProbe.Run([HealthProbe.Flag, $"http://127.0.0.1:{TestHost.FreePort()}{ServiceDefaultsExtensions.ReadyPath}"]));
    }

    [Fact]
    public async Task The_scrape_endpoint_serves_http_runtime_and_orleans_metrics()
    {
        using var anonymous = new HttpClient { BaseAddress = _host.Address };
        await anonymous.GetAsync("/api/teams");
        var scrape = await anonymous.GetStringAsync(ServiceDefaultsExtensions.MetricsPath);
        Assert.Contains("http_server_request_duration_seconds", scrape, StringComparison.Ordinal);
        Assert.Contains("dotnet_gc_collections_total", scrape, StringComparison.Ordinal);
        Assert.Contains("orleans_", scrape, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_readiness_check_answers_503_while_the_host_stays_live()
    {
        using var file = new TempSqliteFile();
        await using var host = await TestHost.StartOnSqlite(file.Path, services =>
            services.AddHealthChecks().AddCheck("held", () => HealthCheckResult.Unhealthy("held back"), [ServiceDefaultsExtensions.ReadyTag]));
        using var anonymous = new HttpClient { BaseAddress = host.Address };

        var ready = await anonymous.GetAsync(ServiceDefaultsExtensions.ReadyPath);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("\"held\"", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(ServiceDefaultsExtensions.LivePath)).StatusCode);
    }

    [Fact]
    public async Task The_database_check_fails_where_no_database_answers()
    {
        var nowhere = new ClusterSettings { Storage = StorageBackend.Postgres($"Host=127.0.0.1;Port={TestHost.FreePort()};Username=postgres;Database=none;Timeout=2") };
        var result = await new DatabaseReachable(nowhere).CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Unhealthy, result.Status);
    }

    [Fact]
    public async Task On_postgres_the_host_is_not_ready_while_the_database_refuses_and_ready_again_after()
    {
        await using var database = new PostgresServer();
        await database.InitializeAsync();
        await using var host = await TestHost.StartOnPostgres(database.ConnectionString, $"health-{Guid.NewGuid():N}");
        using var anonymous = new HttpClient { BaseAddress = host.Address };
        Task<HttpStatusCode> Ready() => anonymous.GetAsync(ServiceDefaultsExtensions.ReadyPath).ContinueWith(t => t.Result.StatusCode, TaskScheduler.Default);
        Assert.Equal(HttpStatusCode.OK, await Ready());

        await database.Refuse();
        try
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, await EventuallyExtensions.Eventually(Ready, s => s == HttpStatusCode.ServiceUnavailable));
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(ServiceDefaultsExtensions.LivePath)).StatusCode);
        }
        finally
        {
            await database.Admit();
        }

        Assert.Equal(HttpStatusCode.OK, await EventuallyExtensions.Eventually(Ready, s => s == HttpStatusCode.OK));
    }
}
