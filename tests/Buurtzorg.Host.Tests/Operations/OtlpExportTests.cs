using System.Collections.Concurrent;
using System.Net;
using Buurtzorg.Host.Tests.Infrastructure;

namespace Buurtzorg.Host.Tests.Operations;

/// <summary>
/// With a collector configured (the standard OTEL_EXPORTER_OTLP_* settings), the host sends its
/// traces, metrics and logs there over OTLP: a stand-in collector on loopback receives each.
/// </summary>
public sealed class OtlpExportTests
{
    [Fact]
    public async Task A_configured_collector_receives_traces_metrics_and_logs()
    {
        var port = TestHost.FreePort();
        using var collector = new HttpListener();
        collector.Prefixes.Add($"http://127.0.0.1:{port}/");
        collector.Start();
        var received = new ConcurrentDictionary<string, TaskCompletionSource>();
        TaskCompletionSource Signal(string path) => received.GetOrAdd(path, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        _ = Task.Run(async () =>
        {
            while (collector.IsListening)
            {
                HttpListenerContext call;
                try
                {
                    call = await collector.GetContextAsync();
                }
                catch (HttpListenerException)
                {
                    return;
                }

                if (call.Request.HttpMethod == "POST" && call.Request.ContentType == "application/x-protobuf")
                {
                    Signal(call.Request.Url!.AbsolutePath).TrySetResult();
                }

                call.Response.StatusCode = 200;
                call.Response.Close();
            }
        });

        using var file = new TempSqliteFile();
        await using var host = await TestHost.StartSecureOnSqlite(file.Path, new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{port}",
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "200",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
        });
        await host.Http.GetAsync("/api/teams");

        foreach (var signal in new[] { "/v1/traces", "/v1/metrics", "/v1/logs" })
        {
            await Signal(signal).Task.WaitAsync(TimeSpan.FromSeconds(20));
        }
    }
}
