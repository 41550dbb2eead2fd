using System.Data.Common;
using Buurtzorg.Grains;
using Buurtzorg.Host.Tests.Infrastructure;
using Buurtzorg.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Storage;

namespace Buurtzorg.Host.Tests.Persistence;

/// <summary>
/// The project's own SQL against the unmodified Orleans ADO.NET grain storage provider, on both
/// databases: versions, stale writes, racing first writes, clears and row identity.
/// </summary>
public abstract class GrainStorageContractTests
{
    protected abstract TestHost Host { get; }

    private IGrainStorage Storage => Host.App.Services.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name);

    private static GrainId NewGrain() => GrainId.Create(GrainType.Create("probe"), GrainIdKeyExtensions.CreateGuidKey(Guid.NewGuid()));

    [Fact]
    public async Task Reading_a_grain_never_written_gives_the_default_state_and_no_etag()
    {
        var state = new GrainState<Probe>();

        await Storage.ReadStateAsync("probe", NewGrain(), state);

        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
        Assert.Equal(new Probe().Text, state.State!.Text);
    }

    [Fact]
    public async Task A_first_write_gets_etag_one_and_reads_back()
    {
        var grain = NewGrain();
        await Storage.WriteStateAsync("probe", grain, new GrainState<Probe>(new Probe { Text = "één", Number = 7 }));

        var read = new GrainState<Probe>();
        await Storage.ReadStateAsync("probe", grain, read);

        Assert.Equal("1", read.ETag);
        Assert.True(read.RecordExists);
        Assert.Equal(("één", 7), (read.State!.Text, read.State!.Number));
    }

    [Fact]
    public async Task A_second_first_write_and_a_stale_write_or_clear_are_refused_and_change_nothing()
    {
        var grain = NewGrain();
        var current = new GrainState<Probe>(new Probe { Text = "v1" });
        await Storage.WriteStateAsync("probe", grain, current);
        var stale = new GrainState<Probe>(new Probe { Text = "stale" }) { ETag = current.ETag };
        current.State!.Text = "v2";
        await Storage.WriteStateAsync("probe", grain, current);

        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            Storage.WriteStateAsync("probe", grain, new GrainState<Probe>(new Probe { Text = "again" })));
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync("probe", grain, stale));
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearStateAsync("probe", grain, stale));

        var read = new GrainState<Probe>();
        await Storage.ReadStateAsync("probe", grain, read);
        Assert.Equal(("v2", "2"), (read.State!.Text, read.ETag));
    }

    [Fact]
    public async Task Of_racing_writers_with_the_same_etag_exactly_one_wins_and_the_others_see_a_stale_write()
    {
        const int Grains = 20, Writers = 4;
        var grains = Enumerable.Range(0, Grains).Select(_ => NewGrain()).ToList();

        var firstWrites = await Race(grains, Writers, etag: null);
        var updates = await Race(grains, Writers, etag: "1");

        Assert.All(firstWrites.Concat(updates), wins => Assert.Equal(1, wins));
        foreach (var grain in grains)
        {
            var read = new GrainState<Probe>();
            await Storage.ReadStateAsync("probe", grain, read);
            Assert.Equal("2", read.ETag);
        }
    }

    [Fact]
    public async Task A_clear_leaves_a_tombstone_that_keeps_counting_versions()
    {
        var grain = NewGrain();
        var state = new GrainState<Probe>(new Probe { Text = "v1" });
        await Storage.WriteStateAsync("probe", grain, state);
        await Storage.WriteStateAsync("probe", grain, state);
        Assert.Equal("2", state.ETag);

        await Storage.ClearStateAsync("probe", grain, state);
        var cleared = new GrainState<Probe>();
        await Storage.ReadStateAsync("probe", grain, cleared);
        Assert.Equal(("3", false), (cleared.ETag, cleared.RecordExists));

        cleared.State!.Text = "after";
        await Storage.WriteStateAsync("probe", grain, cleared);
        Assert.Equal("4", cleared.ETag);
    }

    [Fact]
    public async Task Rows_are_told_apart_by_key_extension_state_name_and_key_kind()
    {
        var key = Random.Shared.NextInt64(1, long.MaxValue);
        GrainId[] ids =
        [
            GrainId.Create(GrainType.Create("probe"), GrainIdKeyExtensions.CreateIntegerKey(key)),
            GrainId.Create(GrainType.Create("probe"), GrainIdKeyExtensions.CreateIntegerKey(key, "A")),
            GrainId.Create(GrainType.Create("probe"), GrainIdKeyExtensions.CreateIntegerKey(key, "B")),
            GrainId.Create("probe", $"string-key-{key}"),
            GrainId.Create(GrainType.Create("probe"), GrainIdKeyExtensions.CreateGuidKey(Guid.NewGuid(), "ext")),
        ];
        for (var i = 0; i < ids.Length; i++)
        {
            await Storage.WriteStateAsync("probe", ids[i], new GrainState<Probe>(new Probe { Text = $"row {i}" }));
        }

        await Storage.WriteStateAsync("other-name", ids[0], new GrainState<Probe>(new Probe { Text = "other state" }));

        for (var i = 0; i < ids.Length; i++)
        {
            var read = new GrainState<Probe>();
            await Storage.ReadStateAsync("probe", ids[i], read);
            Assert.Equal(($"row {i}", "1"), (read.State!.Text, read.ETag));
        }

        var other = new GrainState<Probe>();
        await Storage.ReadStateAsync("other-name", ids[0], other);
        Assert.Equal("other state", other.State!.Text);
    }

    [Fact]
    public async Task Applying_the_schema_again_keeps_the_data_and_the_version()
    {
        var grain = NewGrain();
        await Storage.WriteStateAsync("probe", grain, new GrainState<Probe>(new Probe { Text = "kept" }));
        var backend = Host.App.Services.GetRequiredService<ClusterSettings>().Storage;

        var version = await SchemaMigrator.Apply(backend);

        Assert.Equal(SchemaMigrator.LatestVersion(backend.Kind), version);
        var read = new GrainState<Probe>();
        await Storage.ReadStateAsync("probe", grain, read);
        Assert.Equal(("kept", "1"), (read.State!.Text, read.ETag));
    }

    /// <summary>
    /// Every string-keyed grain (a team's schedule day, for one) has the numeric key (0, 0): a
    /// query that cannot match the extension through an index reads all such rows for each one.
    /// Checked on the plan PostgreSQL keeps for a prepared statement (the host prepares them) and
    /// on SQLite's plan, among a few thousand string-keyed rows.
    /// </summary>
    [Theory]
    [InlineData("ReadFromStorageKey")]
    [InlineData("WriteToStorageKey")]
    [InlineData("ClearStorageKey")]
    [InlineData("DeleteStorageKey")]
    public async Task A_string_keyed_row_is_found_by_its_whole_key_through_an_index(string queryKey)
    {
        var backend = Host.App.Services.GetRequiredService<ClusterSettings>().Storage;
        // Unpooled: the plan settings below must not go back to the pool with the connection.
        await using var connection = backend.Kind == StorageKind.Postgres
            ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(backend.ConnectionString) { Pooling = false }.ConnectionString)
            : SchemaMigrator.Open(backend);
        await connection.OpenAsync();
        await Execute(connection, backend.Kind == StorageKind.Postgres
            ? "INSERT INTO grain_state (service_id, state_name, grain_id_n0, grain_id_n1, grain_id_ext, payload, version) " +
              $"SELECT '{TestHost.ServiceId}', 'plan-probe', 0, 0, 'day/' || n, NULL, 1 FROM generate_series(1, 3000) n ON CONFLICT DO NOTHING; ANALYZE grain_state;"
            : "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) " +
              "INSERT OR IGNORE INTO grain_state (service_id, state_name, grain_id_n0, grain_id_n1, grain_id_ext, payload, version) " +
              $"SELECT '{TestHost.ServiceId}', 'plan-probe', 0, 0, 'day/' || i, NULL, 1 FROM n; ANALYZE;");
        string text;
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = $"SELECT QueryText FROM OrleansQuery WHERE QueryKey = '{queryKey}'";
            text = (string)(await read.ExecuteScalarAsync())!;
        }

        // The statements that find a stored row (not the first write's insert).
        var statements = string.Join('\n', text.Split('\n').Where(line => !line.TrimStart().StartsWith("--", StringComparison.Ordinal)))
            .Split(';')
            .Where(s => s.Contains("grain_id_ext", StringComparison.Ordinal) && !s.TrimStart().StartsWith("INSERT", StringComparison.OrdinalIgnoreCase))
            .ToList();
        Assert.NotEmpty(statements);
        foreach (var statement in statements)
        {
            var plan = backend.Kind == StorageKind.Postgres ? await PostgresPlan(connection, statement) : await SqlitePlan(connection, statement);
            Assert.True(
                backend.Kind == StorageKind.Postgres
                    ? plan.Any(line => line.Contains("Index Cond", StringComparison.Ordinal) && line.Contains("grain_id_ext", StringComparison.Ordinal))
                    : plan.Any(line => line.Contains("USING INDEX grain_state_identity", StringComparison.Ordinal) && line.Contains("<expr>=?", StringComparison.Ordinal)),
                $"{queryKey} does not find the row through an index:\n{string.Join('\n', plan)}");
        }
    }

    private static readonly (string Name, string Type, object Value, string Literal)[] ProbeParameters =
    [
        ("ServiceId", "text", TestHost.ServiceId, $"'{TestHost.ServiceId}'"), ("GrainTypeString", "text", "plan-probe", "'plan-probe'"),
        ("GrainIdN0", "bigint", 0L, "0"), ("GrainIdN1", "bigint", 0L, "0"), ("GrainIdExtensionString", "text", "day/1234", "'day/1234'"),
        ("GrainStateVersion", "integer", 1, "1"), ("PayloadBinary", "bytea", new byte[] { 1 }, "'\\x01'"), ("GrainIdHash", "integer", 0, "0"), ("GrainTypeHash", "integer", 0, "0"),
    ];

    // The generic plan: the one PostgreSQL settles on for a statement prepared and run many times.
    private static async Task<List<string>> PostgresPlan(DbConnection connection, string statement)
    {
        var used = ProbeParameters.Where(p => statement.Contains("@" + p.Name, StringComparison.Ordinal)).ToList();
        var numbered = used.Select((p, i) => (p, i)).Aggregate(statement, (s, x) => s.Replace("@" + x.p.Name, "$" + (x.i + 1), StringComparison.Ordinal));
        await Execute(connection, "DEALLOCATE ALL; SET plan_cache_mode = force_generic_plan;");
        await Execute(connection, $"PREPARE probe({string.Join(", ", used.Select(p => p.Type))}) AS {numbered}");
        await using var explain = connection.CreateCommand();
        explain.CommandText = $"EXPLAIN EXECUTE probe({string.Join(", ", used.Select(p => p.Literal))})";
        return await Lines(explain, 0);
    }

    private static async Task<List<string>> SqlitePlan(DbConnection connection, string statement)
    {
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + statement;
        foreach (var p in ProbeParameters.Where(p => statement.Contains("@" + p.Name, StringComparison.Ordinal)))
        {
            var parameter = explain.CreateParameter();
            (parameter.ParameterName, parameter.Value) = ("@" + p.Name, p.Value);
            explain.Parameters.Add(parameter);
        }

        return await Lines(explain, 3);
    }

    private static async Task<List<string>> Lines(DbCommand command, int column)
    {
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(column));
        }

        return lines;
    }

    private static async Task Execute(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private async Task<int[]> Race(List<GrainId> grains, int writers, string? etag) =>
        await Task.WhenAll(grains.Select(async grain =>
        {
            var outcomes = await Task.WhenAll(Enumerable.Range(0, writers).Select(async w =>
            {
                try
                {
                    await Storage.WriteStateAsync("probe", grain, new GrainState<Probe>(new Probe { Text = $"writer {w}" }) { ETag = etag });
                    return true;
                }
                catch (InconsistentStateException)
                {
                    return false;
                }
            }));
            return outcomes.Count(won => won);
        }));

    public sealed class Probe
    {
        public string Text { get; set; } = "nothing yet";

        public int Number { get; set; }
    }
}

public sealed class SqliteGrainStorageContractTests(SqliteHostFixture fixture)
    : GrainStorageContractTests, IClassFixture<SqliteHostFixture>
{
    protected override TestHost Host => fixture.Host;
}

public sealed class PostgresGrainStorageContractTests(PostgresHostFixture fixture)
    : GrainStorageContractTests, IClassFixture<PostgresHostFixture>
{
    protected override TestHost Host => fixture.Host;
}
