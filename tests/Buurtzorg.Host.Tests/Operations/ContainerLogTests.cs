using System.Text.Json;
using Buurtzorg.Host.Tests.Infrastructure;

namespace Buurtzorg.Host.Tests.Operations;

/// <summary>
/// In a container (the official images set DOTNET_RUNNING_IN_CONTAINER) the host's console log is
/// one JSON object a line, for a log collector; the host runs as its own process here, as there.
/// </summary>
public sealed class ContainerLogTests
{
    [Fact]
    public async Task In_a_container_every_log_line_is_a_json_object()
    {
        using var file = new TempSqliteFile();
        await using var host = await HostProcess.Start(new Dictionary<string, string?>
        {
            ["Storage:SqlitePath"] = file.Path,
            ["Orleans:ClusterId"] = $"container-{Guid.NewGuid():N}",
            ["DOTNET_RUNNING_IN_CONTAINER"] = "true",
        });

        var logged = host.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !line.StartsWith("Buurtzorg is running at", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(logged);
        Assert.All(logged, line =>
        {
            using var entry = JsonDocument.Parse(line);
            Assert.True(entry.RootElement.TryGetProperty("LogLevel", out _), line);
            Assert.True(entry.RootElement.TryGetProperty("Category", out _), line);
        });
    }
}
