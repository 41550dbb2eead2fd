using System.Buffers.Text;
using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Buurtzorg.Host.Accounts;
using Buurtzorg.Persistence;

namespace Buurtzorg.Host.Calendar;

/// <summary>Which feed a link opens: the nurse's own round, or one client's visits.</summary>
public enum CalendarFeedKind
{
    Round,
    Client,
}

/// <summary>A feed of one account: <see cref="SubjectId"/> is the nurse (for her round) or the client.</summary>
public sealed record CalendarFeedKey(Guid AccountId, CalendarFeedKind Kind, Guid SubjectId);

/// <summary>
/// The secret links to calendar feeds, in the same database as the accounts (table
/// <c>calendar_feed</c>). A link's secret is 256 random bits; like a password, only its SHA-256 is
/// stored, so a copy of the database opens no feed. An account has at most one link per feed:
/// making a new one replaces the old, which stops working at once.
/// </summary>
public sealed class CalendarFeedStore(ClusterSettings settings, SqliteWriteGate writer, TimeProvider clock)
{
    private const int SecretBytes = 32;

    // 32 bytes in unpadded base64url.
    private const int SecretLength = 43;

    /// <summary>Makes a new link for the feed, replacing any earlier one; returns its secret, which is not kept.</summary>
    public async Task<(string Secret, DateTimeOffset IssuedAt)> Issue(CalendarFeedKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        var now = clock.GetUtcNow();
        using var turn = await writer.Enter(cancellationToken);
        await using var connection = await Open(cancellationToken);
        await using var command = AccountStore.Command(connection,
            "INSERT INTO calendar_feed (account_id, kind, subject_id, token_hash, created_at) VALUES (@account, @kind, @subject, @hash, @at) " +
            "ON CONFLICT (account_id, kind, subject_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at;");
        Bind(command, key);
        AccountStore.Add(command, "hash", Hash(secret));
        AccountStore.Add(command, "at", now.UtcDateTime);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return (secret, now);
    }

    /// <summary>Ends the feed's link, if there is one.</summary>
    public async Task Revoke(CalendarFeedKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        using var turn = await writer.Enter(cancellationToken);
        await using var connection = await Open(cancellationToken);
        await using var command = AccountStore.Command(connection, "DELETE FROM calendar_feed WHERE account_id = @account AND kind = @kind AND subject_id = @subject;");
        Bind(command, key);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>When the feed's live link was made; null when it has none.</summary>
    public async Task<DateTimeOffset?> IssuedAt(CalendarFeedKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await Open(cancellationToken);
        await using var command = AccountStore.Command(connection, "SELECT created_at FROM calendar_feed WHERE account_id = @account AND kind = @kind AND subject_id = @subject;");
        Bind(command, key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(0), DateTimeKind.Utc)) : null;
    }

    /// <summary>The feed a secret opens, or null: a secret of the wrong shape is not looked up at all.</summary>
    public async Task<CalendarFeedKey?> Find(string? secret, CancellationToken cancellationToken = default)
    {
        if (secret is not { Length: SecretLength } || !Base64Url.IsValid(secret))
        {
            return null;
        }

        await using var connection = await Open(cancellationToken);
        await using var command = AccountStore.Command(connection, "SELECT account_id, kind, subject_id FROM calendar_feed WHERE token_hash = @hash;");
        AccountStore.Add(command, "hash", Hash(secret));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new CalendarFeedKey(Guid.Parse(reader.GetString(0)), Enum.Parse<CalendarFeedKind>(reader.GetString(1)), Guid.Parse(reader.GetString(2)))
            : null;
    }

    /// <summary>What the table keeps of a secret: its SHA-256, in hex.</summary>
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static void Bind(DbCommand command, CalendarFeedKey key)
    {
        AccountStore.Add(command, "account", key.AccountId.ToString("D", CultureInfo.InvariantCulture));
        AccountStore.Add(command, "kind", key.Kind.ToString());
        AccountStore.Add(command, "subject", key.SubjectId.ToString("D", CultureInfo.InvariantCulture));
    }

    private async Task<DbConnection> Open(CancellationToken cancellationToken)
    {
        var connection = SchemaMigrator.Open(settings.Storage);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
