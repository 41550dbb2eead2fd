using System.Data.Common;
using System.Threading.Channels;
using Buurtzorg.Grains;
using Buurtzorg.Host.Accounts;
using Buurtzorg.Persistence;

namespace Buurtzorg.Host.Access;

/// <summary>One line of the access log: who touched which client's data, how, and whether it was allowed.</summary>
public sealed record AccessLogEntry(DateTimeOffset At, Guid? AccountId, string Role, string? Name, Guid? ClientId, string Action, string What, string Via, bool Allowed);

/// <summary>
/// The NEN 7513 access log, in the same database as everything else. The application only ever
/// inserts (the schema refuses UPDATE and DELETE on the table); the client reads their own lines.
/// Lines of concurrent requests are written together: one writer takes whatever is waiting and
/// stores it in one transaction, so a busy host commits (and syncs to disk) once per group instead
/// of once per request, and on SQLite the log never races a grain's write for the one writer.
/// A request still answers only once its lines are stored.
/// </summary>
public sealed class AccessLog : IAsyncDisposable
{
    private const string Select =
        "SELECT l.at_utc, l.account_id, l.role, a.display_name, l.client_id, l.action, l.what, l.via, l.allowed " +
        "FROM access_log l LEFT JOIN account a ON a.id = l.account_id";

    // Enough lines for one transaction to stay short while a crowd of pages catches up.
    private const int MostLinesPerWrite = 2_000;

    private readonly ClusterSettings _settings;
    private readonly TimeProvider _clock;
    private readonly SqliteWriteGate _writer;
    private readonly Channel<Lines> _waiting = Channel.CreateUnbounded<Lines>(new() { SingleReader = true });
    private readonly Task _writing;

    public AccessLog(ClusterSettings settings, TimeProvider clock, SqliteWriteGate writer)
    {
        _settings = settings;
        _clock = clock;
        _writer = writer;
        _writing = Task.Run(WriteWhatWaits);
    }

    public Task Write(Caller? caller, Guid? clientId, AccessRule rule, string via, bool allowed, CancellationToken cancellationToken = default) =>
        Write(caller, [clientId], rule, via, allowed, cancellationToken);

    /// <summary>One line per client, in one transaction: a team's board shows many clients at once, on a path nurses reload often.</summary>
    public Task Write(Caller? caller, IReadOnlyCollection<Guid?> clientIds, AccessRule rule, string via, bool allowed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return Insert(caller, clientIds, rule.Changes ? "change" : "read", rule.Scope == Scope.Client ? rule.Part.ToString() : rule.Scope.ToString(), via, allowed);
    }

    /// <summary>
    /// A team took a nurse in: from now on she reaches each of its clients. Each client's log says
    /// so, naming the member who accepted (the caller) and the nurse let in.
    /// </summary>
    public Task WriteGrant(Caller caller, IReadOnlyCollection<Guid> clientIds, Guid nurseId, string via, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(clientIds);
        IReadOnlyCollection<Guid?> lines = clientIds.Count == 0 ? [null] : [.. clientIds.Select(c => (Guid?)c)];
        return Insert(caller, lines, "grant", $"TeamMembership nurse {nurseId:D}", via, allowed: true);
    }

    public async ValueTask DisposeAsync()
    {
        _waiting.Writer.TryComplete();
        await _writing;
    }

    // The request may be cancelled by the caller, but its trace is kept regardless: no token here.
    private Task Insert(Caller? caller, IReadOnlyCollection<Guid?> clientIds, string action, string what, string via, bool allowed)
    {
        ArgumentNullException.ThrowIfNull(clientIds);
        var lines = new Lines(_clock.GetUtcNow().UtcDateTime, caller, [.. clientIds], action, what, via, allowed);
        if (!_waiting.Writer.TryWrite(lines))
        {
            throw new ObjectDisposedException(nameof(AccessLog));
        }

        return lines.Stored.Task;
    }

    private async Task WriteWhatWaits()
    {
        var group = new List<Lines>();
        while (await _waiting.Reader.WaitToReadAsync(CancellationToken.None))
        {
            var count = 0;
            while (count < MostLinesPerWrite && _waiting.Reader.TryRead(out var lines))
            {
                group.Add(lines);
                count += lines.ClientIds.Length;
            }

            try
            {
                await Store(group);
                group.ForEach(l => l.Stored.TrySetResult());
            }
            catch (Exception ex)
            {
                // Each request whose lines are not stored fails as it would have on its own.
                group.ForEach(l => l.Stored.TrySetException(ex));
            }

            group.Clear();
        }
    }

    private async Task Store(List<Lines> group)
    {
        using var turn = await _writer.Enter();
        await using var connection = await Open(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync(CancellationToken.None);
        // One command for every line: only the values differ between them.
        await using var command = AccountStore.Command(connection,
            "INSERT INTO access_log (at_utc, account_id, role, client_id, action, what, via, allowed) " +
            "VALUES (@at, @account, @role, @client, @action, @what, @via, @allowed);");
        command.Transaction = transaction;
        foreach (var name in (string[])["at", "account", "role", "client", "action", "what", "via", "allowed"])
        {
            AccountStore.Add(command, name, null);
        }

        object Value(object? value) => value ?? DBNull.Value;
        foreach (var lines in group)
        {
            command.Parameters["at"].Value = lines.At;
            command.Parameters["account"].Value = Value(lines.Caller?.AccountId.ToString("D"));
            command.Parameters["role"].Value = lines.Caller?.Role.ToString() ?? "Anonymous";
            command.Parameters["action"].Value = lines.Action;
            command.Parameters["what"].Value = lines.What;
            command.Parameters["via"].Value = lines.Via;
            command.Parameters["allowed"].Value = lines.Allowed;
            foreach (var clientId in lines.ClientIds)
            {
                command.Parameters["client"].Value = Value(clientId?.ToString("D"));
                await command.ExecuteNonQueryAsync(CancellationToken.None);
            }
        }

        await transaction.CommitAsync(CancellationToken.None);
    }

    /// <summary>
    /// Deletes the client's lines once the care record they account for is erased at the end of
    /// its retention: the client is entered in <c>erased_record</c> first, the one case in which
    /// the schema lets lines go.
    /// </summary>
    public async Task EraseClient(Guid clientId, CancellationToken cancellationToken = default)
    {
        using var turn = await _writer.Enter();
        await using var connection = await Open(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var erased = AccountStore.Command(connection,
            "INSERT INTO erased_record (client_id, erased_at) VALUES (@client, @at) ON CONFLICT (client_id) DO NOTHING;"))
        {
            erased.Transaction = transaction;
            AccountStore.Add(erased, "client", clientId.ToString("D"));
            AccountStore.Add(erased, "at", _clock.GetUtcNow().UtcDateTime);
            await erased.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var lines = AccountStore.Command(connection, "DELETE FROM access_log WHERE client_id = @client;"))
        {
            lines.Transaction = transaction;
            AccountStore.Add(lines, "client", clientId.ToString("D"));
            await lines.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The client's lines, newest first, with the display name of each account.</summary>
    public async Task<IReadOnlyList<AccessLogEntry>> ForClient(Guid clientId, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await Open(cancellationToken);
        await using var command = AccountStore.Command(connection, $"{Select} WHERE l.client_id = @client ORDER BY l.id DESC LIMIT @limit;");
        AccountStore.Add(command, "client", clientId.ToString("D"));
        AccountStore.Add(command, "limit", limit);
        return await Read(command, cancellationToken);
    }

    /// <summary>
    /// The client's lines of <paramref name="days"/> Dutch calendar days up to
    /// <paramref name="through"/>, grouped per day and person (see <see cref="AccessLogDays"/>), and
    /// the day before them if the log goes further back.
    /// </summary>
    public async Task<AccessLogDays> DaysForClient(Guid clientId, Guid clientAccount, DateOnly through, int days, CancellationToken cancellationToken = default)
    {
        var from = through.AddDays(1 - days);
        var (start, end) = (DutchCalendar.StartOf(from), DutchCalendar.StartOf(through.AddDays(1)));
        await using var connection = await Open(cancellationToken);
        IReadOnlyList<AccessLogEntry> lines;
        await using (var command = AccountStore.Command(connection, $"{Select} WHERE l.client_id = @client AND l.at_utc >= @from AND l.at_utc < @to ORDER BY l.id DESC;"))
        {
            AccountStore.Add(command, "client", clientId.ToString("D"));
            AccountStore.Add(command, "from", start.UtcDateTime);
            AccountStore.Add(command, "to", end.UtcDateTime);
            lines = await Read(command, cancellationToken);
        }

        var firstSeen = new Dictionary<Guid, DateTimeOffset>();
        await using (var command = AccountStore.Command(connection, "SELECT account_id, MIN(at_utc) FROM access_log WHERE client_id = @client AND account_id IS NOT NULL GROUP BY account_id;"))
        {
            AccountStore.Add(command, "client", clientId.ToString("D"));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                firstSeen[Guid.Parse(reader.GetString(0))] = new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc));
            }
        }

        DateOnly? earlier = null;
        await using (var command = AccountStore.Command(connection, "SELECT MAX(at_utc) FROM access_log WHERE client_id = @client AND at_utc < @from;"))
        {
            AccountStore.Add(command, "client", clientId.ToString("D"));
            AccountStore.Add(command, "from", start.UtcDateTime);
            if (await command.ExecuteScalarAsync(cancellationToken) is { } last and not DBNull)
            {
                earlier = DutchCalendar.DateOf(new DateTimeOffset(DateTime.SpecifyKind(Convert.ToDateTime(last, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc)));
            }
        }

        var byDay = lines.GroupBy(l => DutchCalendar.DateOf(l.At));
        return new AccessLogDays(
            [.. byDay.OrderByDescending(d => d.Key).Select(d => AccessLogGrouping.Day(d.Key, d, clientAccount, firstSeen, DutchCalendar.StartOf(d.Key)))],
            earlier);
    }

    /// <summary>Every line, oldest first: for audits (and tests that replay the access matrix).</summary>
    public async Task<IReadOnlyList<AccessLogEntry>> All(CancellationToken cancellationToken = default)
    {
        await using var connection = await Open(cancellationToken);
        await using var command = AccountStore.Command(connection, $"{Select} ORDER BY l.id;");
        return await Read(command, cancellationToken);
    }

    private async Task<DbConnection> Open(CancellationToken cancellationToken)
    {
        var connection = SchemaMigrator.Open(_settings.Storage);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>One request's lines, waiting to be stored; its request goes on when they are.</summary>
    private sealed record Lines(DateTime At, Caller? Caller, Guid?[] ClientIds, string Action, string What, string Via, bool Allowed)
    {
        public TaskCompletionSource Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private static async Task<IReadOnlyList<AccessLogEntry>> Read(DbCommand command, CancellationToken cancellationToken)
    {
        var entries = new List<AccessLogEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            Guid? Id(int i) => reader.IsDBNull(i) ? null : Guid.Parse(reader.GetString(i));
            entries.Add(new AccessLogEntry(
                new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(0), DateTimeKind.Utc)),
                Id(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                Id(4),
                reader.GetString(5),
                reader.GetString(6),
                reader.GetString(7),
                reader.GetBoolean(8)));
        }

        return entries;
    }
}

