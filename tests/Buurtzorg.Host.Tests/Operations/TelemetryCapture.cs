using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Buurtzorg.Host.Tests.Operations;

/// <summary>
/// Everything the host's OpenTelemetry pipeline exports (spans, log records, metric points),
/// taken down as text the moment it is exported, as a collector would receive it.
/// </summary>
public sealed class TelemetryCapture
{
    private readonly ConcurrentQueue<string> _spans = new();
    private readonly ConcurrentQueue<string> _logs = new();
    private readonly ConcurrentQueue<string> _metrics = new();

    public IReadOnlyCollection<string> Spans => _spans;

    public IReadOnlyCollection<string> Logs => _logs;

    public IReadOnlyCollection<string> Metrics => _metrics;

    public IEnumerable<string> All => _spans.Concat(_logs).Concat(_metrics);

    public void AddTo(IServiceCollection services)
    {
        services.ConfigureOpenTelemetryTracerProvider(t => t.AddProcessor(new SimpleActivityExportProcessor(new Exporter<Activity>(batch => Take(batch, _spans, Describe)))));
        services.ConfigureOpenTelemetryLoggerProvider(l => l.AddProcessor(new SimpleLogRecordExportProcessor(new Exporter<LogRecord>(batch => Take(batch, _logs, Describe)))));
        services.ConfigureOpenTelemetryMeterProvider(m => m.AddReader(new BaseExportingMetricReader(new Exporter<Metric>(batch => Take(batch, _metrics, Describe)))));
    }

    private static void Take<T>(Batch<T> batch, ConcurrentQueue<string> into, Func<T, string> describe)
        where T : class
    {
        foreach (var item in batch)
        {
            into.Enqueue(describe(item));
        }
    }

    private static string Describe(Activity span) =>
        string.Join(" | ", new[] { span.DisplayName, span.OperationName, span.StatusDescription ?? "" }
            .Concat(span.TagObjects.Select(t => $"{t.Key}={t.Value}"))
            .Concat(span.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name}:{t.Key}={t.Value}").Prepend(e.Name)))
            .Concat(span.Baggage.Select(b => $"{b.Key}={b.Value}")));

    private static string Describe(LogRecord log) =>
        string.Join(" | ", new[] { log.CategoryName ?? "", log.FormattedMessage ?? "", log.Body ?? "", log.Exception?.ToString() ?? "" }
            .Concat(log.Attributes?.Select(a => $"{a.Key}={a.Value}") ?? []));

    private static string Describe(Metric metric)
    {
        var points = new List<string> { metric.Name };
        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            foreach (var tag in point.Tags)
            {
                points.Add($"{tag.Key}={tag.Value}");
            }
        }

        return string.Join(" | ", points);
    }

    private sealed class Exporter<T>(Action<Batch<T>> take) : BaseExporter<T>
        where T : class
    {
        public override ExportResult Export(in Batch<T> batch)
        {
            take(batch);
            return ExportResult.Success;
        }
    }
}
