using System.Data.Common;
using Buurtzorg.Grains;
using Buurtzorg.Host.Accounts;
using Buurtzorg.Persistence;

namespace Buurtzorg.Host.Access;

/// <summary>One line of the access log: who touched which client's data, how, and whether it was allowed.</summary>
public sealed record AccessLogEntry(DateTimeOffset At, Guid? AccountId, string Role, string? Name, Guid? ClientId, string Action, string What, string Via, bool Allowed);

/// <summary>
/// The NEN 7513 access log, in the same database as everything else. The application only ever
/// inserts (the schema refuses UPDATE and DELETE on the table); the client reads their own lines.
/// </summary>
public sealed class AccessLog(ClusterSettings settings, TimeProvider clock)
{
    private const string Select =
        "SELECT l.at_utc, l.account_id, l.role, a.display_name, l.client_id, l.action, l.what, l.via, l.allowed " +
        "FROM access_log l LEFT JOIN account a ON a.id = l.account_id";

    public Task Write(Caller? caller, Guid? clientId, AccessRule rule, string via, bool allowed, CancellationToken cancellationToken = default) =>
        Write(caller, [clientId], rule, via, allowed, cancellationToken);

    /// <summary>One line per client, in one transaction: a team's board shows many clients at once, on a path nurses reload often.</summary>
    public Task Write(Caller? caller, IReadOnlyCollection<Guid?> clientIds, AccessRule rule, string via, bool allowed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return Insert(caller, clientIds, rule.Changes ? "change" : "read", rule.Scope == Scope.Client ? rule.Part.ToString() : rule.Scope.ToString(), via, allowed, cancellationToken);
    }

    /// <summary>
    /// A team took a nurse in: from now on she reaches each of its clients. Each client's log says
    /// so, naming the member who accepted (the caller) and the nurse let in.
    /// </summary>
    public Task WriteGrant(Caller caller, IReadOnlyCollection<Guid> clientIds, Guid nurseId, string via, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(clientIds);
        IReadOnlyCollection<Guid?> lines = clientIds.Count == 0 ? [null] : [.. clientIds.Select(c => (Guid?)c)];
        return Insert(caller, lines, "grant", $"TeamMembership nurse {nurseId:D}", via, allowed: true, cancellationToken);
    }

    private async Task Insert(Caller? caller, IReadOnlyCollection<Guid?> clientIds, string action, string what, string via, bool allowed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clientIds);
        await using var connection = await Open(cancellationToken);
        // The request may be cancelled by the caller, but its trace is kept regardless.
        await using var transaction = await connection.BeginTransactionAsync(CancellationToken.None);
        // One command for every line: only the client differs between them.
        await using var command = AccountStore.Command(connection,
            "INSERT INTO access_log (at_utc, account_id, role, client_id, action, what, via, allowed) " +
            "VALUES (@at, @account, @role, @client, @action, @what, @via, @allowed);");
        command.Transaction = transaction;
        AccountStore.Add(command, "at", clock.GetUtcNow().UtcDateTime);
        AccountStore.Add(command, "account", caller?.AccountId.ToString("D"));
        AccountStore.Add(command, "role", caller?.Role.ToString() ?? "Anonymous");
        AccountStore.Add(command, "client", null);
        AccountStore.Add(command, "action", action);
        AccountStore.Add(command, "what", what);
        AccountStore.Add(command, "via", via);
        AccountStore.Add(command, "allowed", allowed);
        foreach (var clientId in clientIds)
        {
            command.Parameters["client"].Value = clientId?.ToString("D") ?? (object)DBNull.Value;
            await command.ExecuteNonQueryAsync(CancellationToken.None);
        }

        await transaction.CommitAsync(CancellationToken.None);
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
        var connection = SchemaMigrator.Open(settings.Storage);
        await connection.OpenAsync(cancellationToken);
        return connection;
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
