using System.Text.Json;
using Buurtzorg.Grains;
using Buurtzorg.Host.Tests.Infrastructure;
using Buurtzorg.Host.Tests.Persistence.EarlierRelease;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Buurtzorg.Host.Tests.Persistence;

/// <summary>
/// The promise: state is stored as plain JSON without .NET type names, so a stored team still
/// reads after its state class moved to another namespace or assembly, and after members were
/// added (they take their defaults).
/// </summary>
public sealed class StoredStateCompatibilityTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    [Fact]
    public async Task A_team_stored_by_an_older_state_class_in_another_namespace_reads_and_goes_on()
    {
        var teamId = Guid.NewGuid();
        var nurseId = Guid.NewGuid();
        var storage = fixture.Host.App.Services.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name);
        var older = new GrainState<TeamStateV0>(new TeamStateV0
        {
            Founded = true,
            Name = "Buurtzorg Overvecht",
            Version = 5,
            Nurses = [new TeamNurseStateV0 { NurseId = nurseId, Name = "Anna de Vries" }],
        });
        await storage.WriteStateAsync("team", GrainId.Create(GrainType.Create("team"), GrainIdKeyExtensions.CreateGuidKey(teamId)), older);

        var team = await fixture.Host.GetTeam(teamId);

        Assert.Equal("Buurtzorg Overvecht", team.Name);
        Assert.Equal(5, team.Version);
        Assert.Equal(nurseId, Assert.Single(team.Nurses).NurseId);
        Assert.Equal(default, team.Nurses[0].JoinedAt);
        Assert.Equal(6, (await fixture.Host.AddNurse(teamId, "Sanne Bakker")).Version);
    }

    [Fact]
    public async Task Stored_state_is_plain_json_without_dotnet_type_names()
    {
        var team = await fixture.Host.CreateTeam("Buurtzorg Vathorst");

        await using var connection = new SqliteConnection($"Data Source={fixture.SqlitePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        // The provider keys a Guid-keyed grain by the two halves of its bytes, with no extension.
        var bytes = team.Id.ToByteArray();
        command.CommandText = "SELECT payload FROM grain_state WHERE state_name = 'team' AND grain_id_n0 = @n0 AND grain_id_n1 = @n1 AND grain_id_ext IS NULL";
        command.Parameters.AddWithValue("n0", BitConverter.ToInt64(bytes, 0));
        command.Parameters.AddWithValue("n1", BitConverter.ToInt64(bytes, 8));
        var payload = (byte[])(await command.ExecuteScalarAsync())!;

        using var json = JsonDocument.Parse(payload);
        Assert.Equal("Buurtzorg Vathorst", json.RootElement.GetProperty("Name").GetString());
        Assert.DoesNotContain("$type", System.Text.Encoding.UTF8.GetString(payload), StringComparison.Ordinal);
    }
}
