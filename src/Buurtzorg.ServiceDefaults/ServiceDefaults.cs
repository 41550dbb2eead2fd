using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Buurtzorg.ServiceDefaults;

/// <summary>
/// What every host of the system shares for its operators: traces, metrics and logs through
/// OpenTelemetry (to an OTLP collector when one is configured, metrics also for a Prometheus
/// scrape), liveness and readiness endpoints for load balancers and container healthchecks,
/// and JSON console logs inside a container.
/// </summary>
public static class ServiceDefaultsExtensions
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    public const string MetricsPath = "/metrics";

    /// <summary>Checks that say the process itself runs; a failing one asks for a restart.</summary>
    public const string LiveTag = "live";

    /// <summary>Checks that say the host can serve; a failing one takes it out of the load balancer.</summary>
    public const string ReadyTag = "ready";

    /// <summary>The standard OpenTelemetry setting: when empty, nothing is pushed anywhere.</summary>
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// Telemetry, container logs and the liveness check. <paramref name="meters"/> and
    /// <paramref name="activitySources"/> name the application's own instruments and those of
    /// frameworks not instrumented here (a wildcard such as "Microsoft.Orleans.*" is allowed).
    /// </summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder, IEnumerable<string> meters, IEnumerable<string> activitySources)
        where TBuilder : IHostApplicationBuilder
    {
        builder.AddJsonLogsInContainers();
        builder.AddTelemetry([.. meters], [.. activitySources]);
        builder.Services.AddHealthChecks().AddCheck("process", () => HealthCheckResult.Healthy(), [LiveTag]);
        return builder;
    }

    /// <summary>
    /// The official .NET images set DOTNET_RUNNING_IN_CONTAINER; there the console is read by a
    /// log collector, which wants one JSON object a line. On a developer's terminal the plain
    /// format stays. An explicit Logging:Console:FormatterName wins either way.
    /// </summary>
    private static void AddJsonLogsInContainers(this IHostApplicationBuilder builder)
    {
        var inContainer = string.Equals(builder.Configuration["DOTNET_RUNNING_IN_CONTAINER"], "true", StringComparison.OrdinalIgnoreCase);
        if (inContainer && string.IsNullOrEmpty(builder.Configuration["Logging:Console:FormatterName"]))
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            });
        }
    }

    /// <summary>
    /// Whether traces and logs go through OpenTelemetry: by default only where a collector is
    /// configured to receive them. Without one they would be made and dropped, at a cost on every
    /// request and grain call; <c>Telemetry:Export=true</c> switches them on regardless (tests
    /// read them in process).
    /// </summary>
    public static bool ExportsTraces(IConfiguration configuration) =>
        configuration.GetValue("Telemetry:Export", !string.IsNullOrWhiteSpace(configuration[OtlpEndpointSetting]));

    private static void AddTelemetry(this IHostApplicationBuilder builder, string[] meters, string[] activitySources)
    {
        // Metrics always: the Prometheus scrape serves them without a collector.
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(builder.Environment.ApplicationName))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter(meters)
                .AddPrometheusExporter());
        if (!ExportsTraces(builder.Configuration))
        {
            return;
        }

        builder.Logging.AddOpenTelemetry(o =>
        {
            o.IncludeFormattedMessage = true;
            // Scopes carry request paths and connection ids at best, and whatever a caller
            // pushed at worst: the message templates are what this system reviews for personal data.
            o.IncludeScopes = false;
        });
        telemetry.WithTracing(t => t
                .AddSource(builder.Environment.ApplicationName)
                .AddSource(activitySources)
                .AddAspNetCoreInstrumentation(o =>
                {
                    // Probes arrive every few seconds from every balancer: traces of them drown the rest.
                    o.Filter = context => !IsProbe(context.Request.Path);
                    // A path names whose record was read (ids) and, for a calendar feed, holds
                    // its secret: a span says which endpoint was called, not for whom.
                    o.EnrichWithHttpResponse = (span, response) =>
                    {
                        if (response.HttpContext.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } route })
                        {
                            span.SetTag("url.path", route);
                        }
                    };
                })
                // An outgoing path may hold what an incoming one does: the span keeps the host called.
                .AddHttpClientInstrumentation(o => o.EnrichWithHttpRequestMessage = (span, request) =>
                    span.SetTag("url.full", request.RequestUri?.GetLeftPart(UriPartial.Authority)))
                .AddNpgsql());

        if (!string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointSetting]))
        {
            telemetry.UseOtlpExporter();
        }
    }

    /// <summary>
    /// Maps the liveness and readiness endpoints and the Prometheus scrape. Each is returned so
    /// the host can put its own access rule on it.
    /// </summary>
    public static (IEndpointConventionBuilder Live, IEndpointConventionBuilder Ready, IEndpointConventionBuilder Metrics) MapDefaultEndpoints(this WebApplication app)
    {
        var live = app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag) });
        var ready = app.MapHealthChecks(ReadyPath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = HealthReportWriter.Write,
        });
        var metrics = app.MapPrometheusScrapingEndpoint(MetricsPath);
        return (live, ready, metrics);
    }

    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments(LivePath) || path.StartsWithSegments(ReadyPath) || path.StartsWithSegments(MetricsPath);
}
