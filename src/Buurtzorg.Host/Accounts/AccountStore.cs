using System.Data.Common;
using System.Globalization;
using Buurtzorg.Persistence;
using Microsoft.AspNetCore.Identity;

namespace Buurtzorg.Host.Accounts;

/// <summary>
/// Accounts in the same database as the grain state (SQLite or PostgreSQL, tables of schema
/// migration 2), for ASP.NET Core Identity: password hash, security stamp, lockout, the
/// authenticator key and recovery codes. Updates are optimistic on the concurrency stamp.
/// </summary>
public sealed class AccountStore(ClusterSettings settings) :
    IUserPasswordStore<Account>,
    IUserSecurityStampStore<Account>,
    IUserLockoutStore<Account>,
    IUserTwoFactorStore<Account>,
    IUserAuthenticatorKeyStore<Account>,
    IUserTwoFactorRecoveryCodeStore<Account>
{
    private const string Columns =
        "id, user_name, normalized_user_name, role, subject_id, display_name, password_hash, security_stamp, concurrency_stamp, " +
        "lockout_end, lockout_enabled, access_failed_count, two_factor_enabled, authenticator_key, recovery_codes";

    public async Task<IdentityResult> CreateAsync(Account user, CancellationToken cancellationToken)
    {
        await using var connection = await Open(cancellationToken);
        await using var command = Command(connection,
            $"INSERT INTO account ({Columns}) VALUES (@id, @user_name, @normalized_user_name, @role, @subject_id, @display_name, @password_hash, " +
            "@security_stamp, @concurrency_stamp, @lockout_end, @lockout_enabled, @access_failed_count, @two_factor_enabled, @authenticator_key, @recovery_codes);");
        Bind(command, user, user.ConcurrencyStamp);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return IdentityResult.Success;
    }

    public async Task<IdentityResult> UpdateAsync(Account user, CancellationToken cancellationToken)
    {
        var expected = user.ConcurrencyStamp;
        var next = Guid.NewGuid().ToString();
        await using var connection = await Open(cancellationToken);
        await using var command = Command(connection,
            "UPDATE account SET user_name = @user_name, normalized_user_name = @normalized_user_name, role = @role, subject_id = @subject_id, " +
            "display_name = @display_name, password_hash = @password_hash, security_stamp = @security_stamp, concurrency_stamp = @concurrency_stamp, " +
            "lockout_end = @lockout_end, lockout_enabled = @lockout_enabled, access_failed_count = @access_failed_count, " +
            "two_factor_enabled = @two_factor_enabled, authenticator_key = @authenticator_key, recovery_codes = @recovery_codes " +
            "WHERE id = @id AND concurrency_stamp = @expected;");
        Bind(command, user, next);
        Add(command, "expected", expected);
        if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            return IdentityResult.Failed(new IdentityErrorDescriber().ConcurrencyFailure());
        }

        user.ConcurrencyStamp = next;
        return IdentityResult.Success;
    }

    public async Task<IdentityResult> DeleteAsync(Account user, CancellationToken cancellationToken)
    {
        await using var connection = await Open(cancellationToken);
        // The account's calendar links go with it: no feed outlives its owner.
        await using var feeds = Command(connection, "DELETE FROM calendar_feed WHERE account_id = @id;");
        Add(feeds, "id", Id(user.Id));
        await feeds.ExecuteNonQueryAsync(cancellationToken);
        await using var links = Command(connection, "DELETE FROM account_link WHERE account_id = @id;");
        Add(links, "id", Id(user.Id));
        await links.ExecuteNonQueryAsync(cancellationToken);
        await using var command = Command(connection, "DELETE FROM account WHERE id = @id;");
        Add(command, "id", Id(user.Id));
        await command.ExecuteNonQueryAsync(cancellationToken);
        return IdentityResult.Success;
    }

    public Task<Account?> FindByIdAsync(string userId, CancellationToken cancellationToken) =>
        FindOne("id", userId, cancellationToken);

    public Task<Account?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) =>
        FindOne("normalized_user_name", normalizedUserName, cancellationToken);

    /// <summary>Records that the account is the person with this entry in the client's network.</summary>
    public async Task Link(Guid accountId, Guid clientId, Guid memberId, CancellationToken cancellationToken = default)
    {
        await using var connection = await Open(cancellationToken);
        await using var command = Command(connection,
            "INSERT INTO account_link (account_id, client_id, member_id) VALUES (@account, @client, @member) " +
            "ON CONFLICT (account_id, client_id) DO UPDATE SET member_id = excluded.member_id;");
        Add(command, "account", Id(accountId));
        Add(command, "client", Id(clientId));
        Add(command, "member", Id(memberId));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Which entry of the client's network the account is, if any.</summary>
    public async Task<Guid?> MemberOf(Guid accountId, Guid clientId, CancellationToken cancellationToken = default)
    {
        await using var connection = await Open(cancellationToken);
        await using var command = Command(connection, "SELECT member_id FROM account_link WHERE account_id = @account AND client_id = @client;");
        Add(command, "account", Id(accountId));
        Add(command, "client", Id(clientId));
        return await command.ExecuteScalarAsync(cancellationToken) is string member ? Guid.Parse(member) : null;
    }

    /// <summary>The clients whose network the account belongs to.</summary>
    public async Task<IReadOnlyList<Guid>> LinkedClients(Guid accountId, CancellationToken cancellationToken = default)
    {
        await using var connection = await Open(cancellationToken);
        await using var command = Command(connection, "SELECT client_id FROM account_link WHERE account_id = @account ORDER BY client_id;");
        Add(command, "account", Id(accountId));
        var clients = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            clients.Add(Guid.Parse(reader.GetString(0)));
        }

        return clients;
    }

    /// <summary>
    /// Forgets that any account is this entry of the client's network, and deletes each such
    /// family account that is then linked to no client at all (its sessions end with it: the
    /// security stamp check finds no account). A relative still in another client's network
    /// keeps the account for that client. Answers the accounts deleted.
    /// </summary>
    public Task<IReadOnlyList<Guid>> UnlinkMember(Guid clientId, Guid memberId, CancellationToken cancellationToken = default) =>
        Unlink("client_id = @client AND member_id = @member", c =>
        {
            Add(c, "client", Id(clientId));
            Add(c, "member", Id(memberId));
        }, cancellationToken);

    /// <summary>As <see cref="UnlinkMember"/> for every entry of the client's network: the client's record is gone.</summary>
    public Task<IReadOnlyList<Guid>> UnlinkClient(Guid clientId, CancellationToken cancellationToken = default) =>
        Unlink("client_id = @client", c => Add(c, "client", Id(clientId)), cancellationToken);

    /// <summary>The client's own account, if they have one.</summary>
    public async Task<Account?> FindClientAccount(Guid clientId, CancellationToken cancellationToken = default)
    {
        await using var connection = await Open(cancellationToken);
        await using var command = Command(connection, "SELECT id FROM account WHERE role = @role AND subject_id = @subject;");
        Add(command, "role", nameof(AccountRole.Client));
        Add(command, "subject", Id(clientId));
        return await command.ExecuteScalarAsync(cancellationToken) is string id ? await FindByIdAsync(id, cancellationToken) : null;
    }

    /// <summary>Which entry the account is in each client's network it belongs to.</summary>
    public async Task<IReadOnlyList<(Guid ClientId, Guid MemberId)>> Links(Guid accountId, CancellationToken cancellationToken = default)
    {
        await using var connection = await Open(cancellationToken);
        await using var command = Command(connection, "SELECT client_id, member_id FROM account_link WHERE account_id = @account ORDER BY client_id;");
        Add(command, "account", Id(accountId));
        var links = new List<(Guid, Guid)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            links.Add((Guid.Parse(reader.GetString(0)), Guid.Parse(reader.GetString(1))));
        }

        return links;
    }

    private async Task<IReadOnlyList<Guid>> Unlink(string where, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await Open(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var accounts = new List<Guid>();
        await using (var select = Command(connection, $"SELECT account_id FROM account_link WHERE {where};"))
        {
            select.Transaction = transaction;
            bind(select);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                accounts.Add(Guid.Parse(reader.GetString(0)));
            }
        }

        await using (var delete = Command(connection, $"DELETE FROM account_link WHERE {where};"))
        {
            delete.Transaction = transaction;
            bind(delete);
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        var deleted = new List<Guid>();
        foreach (var account in accounts)
        {
            await using var orphan = Command(connection,
                "DELETE FROM account WHERE id = @id AND role = @role AND NOT EXISTS (SELECT 1 FROM account_link WHERE account_id = @id);");
            orphan.Transaction = transaction;
            Add(orphan, "id", Id(account));
            Add(orphan, "role", nameof(AccountRole.Family));
            if (await orphan.ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                deleted.Add(account);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    /// <summary>
    /// Records that an authenticator code of <paramref name="step"/> was used, if no code of that
    /// step or a later one was: false means the code was used already.
    /// </summary>
    public async Task<bool> TryUseAuthenticatorStep(Guid accountId, long step, CancellationToken cancellationToken = default)
    {
        await using var connection = await Open(cancellationToken);
        await using var command = Command(connection,
            "UPDATE account SET authenticator_last_step = @step " +
            "WHERE id = @id AND (authenticator_last_step IS NULL OR authenticator_last_step < @step);");
        Add(command, "id", Id(accountId));
        Add(command, "step", step);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public Task<string> GetUserIdAsync(Account user, CancellationToken cancellationToken) => Task.FromResult(Id(user.Id));

    public Task<string?> GetUserNameAsync(Account user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.UserName);

    public Task SetUserNameAsync(Account user, string? userName, CancellationToken cancellationToken) => Set(() => user.UserName = userName ?? "");

    public Task<string?> GetNormalizedUserNameAsync(Account user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.NormalizedUserName);

    public Task SetNormalizedUserNameAsync(Account user, string? normalizedName, CancellationToken cancellationToken) => Set(() => user.NormalizedUserName = normalizedName ?? "");

    public Task SetPasswordHashAsync(Account user, string? passwordHash, CancellationToken cancellationToken) => Set(() => user.PasswordHash = passwordHash);

    public Task<string?> GetPasswordHashAsync(Account user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash);

    public Task<bool> HasPasswordAsync(Account user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash is not null);

    public Task SetSecurityStampAsync(Account user, string stamp, CancellationToken cancellationToken) => Set(() => user.SecurityStamp = stamp);

    public Task<string?> GetSecurityStampAsync(Account user, CancellationToken cancellationToken) => Task.FromResult(user.SecurityStamp);

    public Task<DateTimeOffset?> GetLockoutEndDateAsync(Account user, CancellationToken cancellationToken) => Task.FromResult(user.LockoutEnd);

    public Task SetLockoutEndDateAsync(Account user, DateTimeOffset? lockoutEnd, CancellationToken cancellationToken) => Set(() => user.LockoutEnd = lockoutEnd);

    public Task<int> IncrementAccessFailedCountAsync(Account user, CancellationToken cancellationToken) => Task.FromResult(++user.AccessFailedCount);

    public Task ResetAccessFailedCountAsync(Account user, CancellationToken cancellationToken) => Set(() => user.AccessFailedCount = 0);

    public Task<int> GetAccessFailedCountAsync(Account user, CancellationToken cancellationToken) => Task.FromResult(user.AccessFailedCount);

    public Task<bool> GetLockoutEnabledAsync(Account user, CancellationToken cancellationToken) => Task.FromResult(user.LockoutEnabled);

    public Task SetLockoutEnabledAsync(Account user, bool enabled, CancellationToken cancellationToken) => Set(() => user.LockoutEnabled = enabled);

    public Task SetTwoFactorEnabledAsync(Account user, bool enabled, CancellationToken cancellationToken) => Set(() => user.TwoFactorEnabled = enabled);

    public Task<bool> GetTwoFactorEnabledAsync(Account user, CancellationToken cancellationToken) => Task.FromResult(user.TwoFactorEnabled);

    public Task SetAuthenticatorKeyAsync(Account user, string key, CancellationToken cancellationToken) => Set(() => user.AuthenticatorKey = key);

    public Task<string?> GetAuthenticatorKeyAsync(Account user, CancellationToken cancellationToken) => Task.FromResult(user.AuthenticatorKey);

    public Task ReplaceCodesAsync(Account user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken) =>
        Set(() => user.RecoveryCodes = string.Join(';', recoveryCodes));

    public Task<bool> RedeemCodeAsync(Account user, string code, CancellationToken cancellationToken)
    {
        var codes = Codes(user);
        if (!codes.Remove(code))
        {
            return Task.FromResult(false);
        }

        user.RecoveryCodes = string.Join(';', codes);
        return Task.FromResult(true);
    }

    public Task<int> CountCodesAsync(Account user, CancellationToken cancellationToken) => Task.FromResult(Codes(user).Count);

    public void Dispose()
    {
    }

    private static List<string> Codes(Account user) => [.. (user.RecoveryCodes ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries)];

    private static Task Set(Action set)
    {
        set();
        return Task.CompletedTask;
    }

    private static string Id(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);

    private async Task<Account?> FindOne(string column, string value, CancellationToken cancellationToken)
    {
        await using var connection = await Open(cancellationToken);
        await using var command = Command(connection, $"SELECT {Columns} FROM account WHERE {column} = @value;");
        Add(command, "value", value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        return new Account
        {
            Id = Guid.Parse(reader.GetString(0)),
            UserName = reader.GetString(1),
            NormalizedUserName = reader.GetString(2),
            Role = Enum.Parse<AccountRole>(reader.GetString(3)),
            SubjectId = Text(4) is { } subject ? Guid.Parse(subject) : null,
            DisplayName = reader.GetString(5),
            PasswordHash = Text(6),
            SecurityStamp = Text(7),
            ConcurrencyStamp = Text(8),
            LockoutEnd = reader.IsDBNull(9) ? null : new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(9), DateTimeKind.Utc)),
            LockoutEnabled = reader.GetBoolean(10),
            AccessFailedCount = reader.GetInt32(11),
            TwoFactorEnabled = reader.GetBoolean(12),
            AuthenticatorKey = Text(13),
            RecoveryCodes = Text(14),
        };
    }

    private static void Bind(DbCommand command, Account user, string? concurrencyStamp)
    {
        Add(command, "id", Id(user.Id));
        Add(command, "user_name", user.UserName);
        Add(command, "normalized_user_name", user.NormalizedUserName);
        Add(command, "role", user.Role.ToString());
        Add(command, "subject_id", user.SubjectId is { } subject ? Id(subject) : null);
        Add(command, "display_name", user.DisplayName);
        Add(command, "password_hash", user.PasswordHash);
        Add(command, "security_stamp", user.SecurityStamp);
        Add(command, "concurrency_stamp", concurrencyStamp);
        Add(command, "lockout_end", user.LockoutEnd?.UtcDateTime);
        Add(command, "lockout_enabled", user.LockoutEnabled);
        Add(command, "access_failed_count", user.AccessFailedCount);
        Add(command, "two_factor_enabled", user.TwoFactorEnabled);
        Add(command, "authenticator_key", user.AuthenticatorKey);
        Add(command, "recovery_codes", user.RecoveryCodes);
    }

    private async Task<DbConnection> Open(CancellationToken cancellationToken)
    {
        var connection = SchemaMigrator.Open(settings.Storage);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    internal static DbCommand Command(DbConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    internal static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
