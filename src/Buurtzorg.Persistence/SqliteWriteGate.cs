namespace Buurtzorg.Persistence;

/// <summary>
/// One writer at a time on the embedded SQLite file. SQLite allows a single writer per file; two
/// writers of this process racing for it (a grain's state and the access log) make the loser
/// sleep in Microsoft.Data.Sqlite's busy retry, 150 ms a time, which is where a claim's slow tail
/// came from. Waiting here instead costs only the other write. PostgreSQL has no such limit: the
/// gate is open.
/// </summary>
public sealed class SqliteWriteGate(ClusterSettings settings)
{
    private readonly SemaphoreSlim? _writer = settings.Storage.Kind == StorageKind.Sqlite ? new(1, 1) : null;

    public async ValueTask<Turn> Enter(CancellationToken cancellationToken = default)
    {
        if (_writer is not null)
        {
            await _writer.WaitAsync(cancellationToken);
        }

        return new Turn(_writer);
    }

    public readonly struct Turn(SemaphoreSlim? writer) : IDisposable
    {
        public void Dispose() => writer?.Release();
    }
}
