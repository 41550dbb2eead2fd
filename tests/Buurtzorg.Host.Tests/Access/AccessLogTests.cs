using System.Net.Http.Json;
using System.Text.Json;
using Buurtzorg.Host.Tests.Infrastructure;
using Buurtzorg.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Buurtzorg.Host.Tests.Access;

/// <summary>The NEN 7513 access log: the client reads who looked, and nobody can change or remove a line.</summary>
public sealed class AccessLogTests(AccessWorld world) : IClassFixture<AccessWorld>
{
    [Fact]
    public async Task The_client_reads_who_looked_at_their_record_including_refused_attempts()
    {
        await world.Http(Who.FamilyWithCarePlan).GetAsync($"/api/clients/{world.ClientA}/care-plan");
        await world.Http(Who.NurseOfAnotherTeam).GetAsync($"/api/clients/{world.ClientA}/care-plan");

        var log = await world.Http(Who.TheClient).GetFromJsonAsync<JsonElement>($"/api/clients/{world.ClientA}/access-log");

        var lines = log.EnumerateArray().ToList();
        Assert.Contains(lines, l => l.GetProperty("name").GetString() == "sanne" && l.GetProperty("allowed").GetBoolean() && l.GetProperty("what").GetString() == "CarePlan");
        Assert.Contains(lines, l => l.GetProperty("name").GetString() == "b1" && !l.GetProperty("allowed").GetBoolean());
        Assert.All(lines, l => Assert.Equal(world.ClientA, l.GetProperty("clientId").GetGuid()));
    }

    [Fact]
    public async Task The_client_reads_the_log_a_day_at_a_time_with_each_other_person_once_refusals_first_and_own_looks_counted_apart()
    {
        var family = world.Http(Who.FamilyWithCarePlan);
        await family.GetAsync($"/api/clients/{world.ClientA}/care-plan");
        await family.GetAsync($"/api/clients/{world.ClientA}/care-plan");
        await world.Http(Who.NurseOfAnotherTeam).GetAsync($"/api/clients/{world.ClientA}/care-plan");
        await world.Http(Who.TheClient).GetAsync($"/api/clients/{world.ClientA}");

        var log = await world.Http(Who.TheClient).GetFromJsonAsync<JsonElement>($"/api/clients/{world.ClientA}/access-log/days");

        var today = log.GetProperty("days").EnumerateArray().First();
        Assert.Equal(TeamDay.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), today.GetProperty("date").GetString());
        var others = today.GetProperty("others").EnumerateArray().ToList();
        var sanne = Assert.Single(others, p => p.GetProperty("name").GetString() == "sanne");
        Assert.True(sanne.GetProperty("times").GetInt32() >= 2);
        Assert.Contains("CarePlan", sanne.GetProperty("what").EnumerateArray().Select(w => w.GetString()));
        Assert.True(sanne.GetProperty("firstTime").GetBoolean());
        var refused = others.FindIndex(p => p.GetProperty("name").GetString() == "b1");
        Assert.True(refused >= 0 && refused < others.IndexOf(sanne), "a refused look comes before the allowed ones");
        Assert.DoesNotContain(others, p => p.GetProperty("name").GetString() == "johanna");
        Assert.True(today.GetProperty("ownLooks").GetInt32() >= 1);
    }

    [Fact]
    public async Task The_day_log_is_the_clients_alone()
    {
        var asked = await world.Http(Who.FamilyWithCarePlan).GetAsync($"/api/clients/{world.ClientA}/access-log/days");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, asked.StatusCode);
    }

    [Fact]
    public async Task A_care_plan_change_is_recorded_under_the_signed_in_nurse_whatever_the_request_claims()
    {
        var nurse = world.Http(Who.NurseOfTheTeam);
        var plan = await nurse.GetFromJsonAsync<JsonElement>($"/api/clients/{world.ClientA}/care-plan");
        var claimed = Guid.NewGuid();

        var removed = await nurse.DeleteAsync($"/api/clients/{world.ClientA}/care-plan/problems/42?expectedVersion={plan.GetProperty("version").GetInt32()}&changedBy={claimed}");
        removed.EnsureSuccessStatusCode();

        var history = await nurse.GetFromJsonAsync<JsonElement>($"/api/clients/{world.ClientA}/care-plan/history");
        Assert.Equal(world.NurseA1, history.EnumerateArray().Last().GetProperty("by").GetGuid());
    }

    [Fact]
    public async Task On_sqlite_an_update_or_delete_of_the_log_is_refused_by_the_database()
    {
        await world.Http(Who.TheClient).GetAsync($"/api/clients/{world.ClientA}/visits");
        await using var connection = SchemaMigrator.Open(world.Host.App.Services.GetRequiredService<ClusterSettings>().Storage);
        await connection.OpenAsync();

        var update = await Assert.ThrowsAsync<SqliteException>(() => Execute(connection, "UPDATE access_log SET allowed = 0;"));
        var delete = await Assert.ThrowsAsync<SqliteException>(() => Execute(connection, "DELETE FROM access_log;"));

        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
        Assert.True(Convert.ToInt64(await Scalar(connection, "SELECT count(*) FROM access_log;"), System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public async Task On_postgresql_an_update_delete_or_truncate_of_the_log_is_refused_by_the_database()
    {
        var database = new PostgresServer();
        await database.InitializeAsync();
        try
        {
            await SchemaMigrator.Apply(StorageBackend.Postgres(database.ConnectionString));
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            await Execute(connection, "INSERT INTO access_log (at_utc, account_id, role, client_id, action, what, via, allowed) " +
                "VALUES (now(), NULL, 'Anonymous', NULL, 'read', 'CarePlan', 'GET /api/clients/{clientId}/care-plan', false);");

            foreach (var sql in new[] { "UPDATE access_log SET allowed = true;", "DELETE FROM access_log;", "TRUNCATE access_log;" })
            {
                var refused = await Assert.ThrowsAsync<PostgresException>(() => Execute(connection, sql));
                Assert.Contains("append-only", refused.MessageText, StringComparison.Ordinal);
            }

            Assert.Equal(1L, await Scalar(connection, "SELECT count(*) FROM access_log;"));
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_application_log_holds_no_names_addresses_or_phone_numbers()
    {
        // Requests that fail in every way a log might be tempted to quote: bad fields, wrong passwords, refused reads.
        await world.Http(Who.NurseOfTheTeam).PutAsJsonAsync($"/api/clients/{world.ClientA}/status", new { status = "Johanna de Groot" });
        await world.Http(Who.NurseOfTheTeam).PostAsJsonAsync($"/api/teams/{world.TeamA}/clients", new { name = "Johanna de Groot", phone = "0302314567" });
        await world.Host.Http.PostAsJsonAsync("/api/account/sign-in", new { userName = "johanna", password = "Oudegracht 231" });
        await world.Http(Who.NurseOfAnotherTeam).GetAsync($"/api/clients/{world.ClientA}");

        var logged = string.Join('\n', world.Host.Logs.Lines);

        Assert.NotEmpty(world.Host.Logs.Lines);
        // The postcode whole, with or without its space: its digits alone turn up in timings.
        foreach (var personal in new[] { "Johanna", "de Groot", "Oudegracht", "3511 NK", "3511NK", "0302314567", "Kees", "Sanne", "johanna" })
        {
            Assert.DoesNotContain(personal, logged, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static async Task Execute(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> Scalar(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
