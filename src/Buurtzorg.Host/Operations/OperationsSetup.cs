using Buurtzorg.Host.Access;
using Buurtzorg.ServiceDefaults;
using Orleans.Dashboard;

namespace Buurtzorg.Host.Operations;

/// <summary>
/// The host's operational surface: the service defaults (telemetry, health, container logs)
/// with this host's readiness checks and instruments, and the Orleans dashboard for operators.
/// </summary>
public static class OperationsSetup
{
    public const string DashboardPath = "/dashboard";

    /// <summary>How long a stopping host gives its silo to leave and its grains to store their batches.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(25);

    /// <summary>Orleans' runtime meter; the system's own meters are named under "Buurtzorg".</summary>
    private static readonly string[] Meters = ["Microsoft.Orleans", "Buurtzorg.*"];

    private static readonly string[] ActivitySources = [Orleans.Diagnostics.ActivitySources.AllActivitySourceName, "Buurtzorg.*"];

    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        builder.AddServiceDefaults(Meters, ActivitySources);
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseReachable>("database", tags: [ServiceDefaultsExtensions.ReadyTag])
            .AddCheck<SiloActive>("silo", tags: [ServiceDefaultsExtensions.ReadyTag]);
        // A container is stopped with SIGTERM and killed after its grace period (30 s in
        // docker-compose.yml): the silo leaves the cluster and its grains store what they
        // batched (capacity figures, schedule events) within this.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);
        return builder;
    }

    /// <summary>
    /// Grain calls carry the trace across silos where traces are exported; the dashboard collects grain statistics. Its
    /// live log stream stays off: operators read logs where they are collected, with their
    /// retention and access rules.
    /// </summary>
    public static ISiloBuilder AddOperations(this ISiloBuilder silo, IConfiguration configuration)
    {
        if (ServiceDefaultsExtensions.ExportsTraces(configuration))
        {
            silo.AddActivityPropagation();
        }

        return DashboardOn(configuration) ? silo.AddDashboard(o => { o.HideTrace = true; o.CounterUpdateIntervalMs = 5000; }) : silo;
    }

    /// <summary><c>Operations:Dashboard</c>, on unless switched off: it times every grain call.</summary>
    public static bool DashboardOn(IConfiguration configuration) => configuration.GetValue("Operations:Dashboard", true);

    public static WebApplication MapOperations(this WebApplication app)
    {
        // Probes and the scrape are answered without a session: load balancers and Prometheus
        // have none, and the answers hold no one's data (tests/…/Operations checks the metrics).
        // None of it is the care API: the OpenAPI document leaves it out.
        var (live, ready, metrics) = app.MapDefaultEndpoints();
        live.Requires(AccessRule.Public).ExcludeFromDescription();
        ready.Requires(AccessRule.Public).ExcludeFromDescription();
        metrics.Requires(AccessRule.Public).ExcludeFromDescription();

        if (!DashboardOn(app.Configuration))
        {
            return app;
        }

        // The grain-state page shows any grain's stored state, clients' records included: it
        // gets no access rule, so the access gate refuses it to everyone.
        var dashboard = app.MapOrleansDashboard(DashboardPath).ExcludeFromDescription();
        ((IEndpointConventionBuilder)dashboard).Add(endpoint =>
        {
            if (endpoint is not RouteEndpointBuilder { RoutePattern.RawText: { } route } || !route.EndsWith("/GrainState", StringComparison.OrdinalIgnoreCase))
            {
                endpoint.Metadata.Add(AccessRule.Operations);
            }
        });
        return app;
    }
}
