using System.Collections.Concurrent;
using System.Text.Json;

namespace Buurtzorg.Chaos.Http;

/// <summary>Every request of the run, in the order they ended; written out whole beside the report.</summary>
public sealed class History
{
    private readonly ConcurrentQueue<Attempt> _attempts = new();

    public IReadOnlyList<Attempt> Attempts => [.. _attempts];

    public void Record(Attempt attempt) => _attempts.Enqueue(attempt);

    public async Task WriteJsonLines(string path)
    {
        await using var file = new StreamWriter(path);
        foreach (var attempt in _attempts.OrderBy(a => a.At))
        {
            await file.WriteLineAsync(JsonSerializer.Serialize(attempt, Json.Options));
        }
    }
}
