using System.Net.Http.Json;
using Buurtzorg.Host.Tests.Infrastructure;

namespace Buurtzorg.Host.Tests.Persistence;

public sealed class RestartTests
{
    [Fact]
    public async Task A_team_survives_a_full_host_restart_on_sqlite()
    {
        using var file = new TempSqliteFile();
        await TeamSurvivesRestart(() => TestHost.StartOnSqlite(file.Path));
    }

    [Fact]
    public async Task A_team_survives_a_full_host_restart_on_postgres()
    {
        var database = new PostgresServer();
        await database.InitializeAsync();
        try
        {
            // A new cluster id per start: the restarted host is a new cluster on the same data,
            // which is exactly what a full restart of every silo is.
            await TeamSurvivesRestart(() => TestHost.StartOnPostgres(database.ConnectionString, $"restart-{Guid.NewGuid():N}"));
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    private static async Task TeamSurvivesRestart(Func<Task<TestHost>> start)
    {
        Guid teamId;
        Contracts.Teams.TeamSnapshot before;
        await using (var first = await start())
        {
            teamId = (await first.CreateTeam("Buurtzorg Lombok")).Id;
            await first.AddNurse(teamId, "Anna de Vries");
            await first.AddNurse(teamId, "Sanne Bakker");
            before = await first.GetTeam(teamId);
        }

        await using var second = await start();
        var after = await second.GetTeam(teamId);

        Assert.Equal(3, after.Version);
        Assert.Equal(before.Name, after.Name);
        Assert.Equal(before.Nurses, after.Nurses);
        Assert.Contains(teamId, (await second.Http.GetFromJsonAsync<List<Contracts.Teams.TeamListing>>("/api/teams"))!.Select(t => t.Id));

        // And it goes on from the stored version, not from zero.
        Assert.Equal(4, (await second.AddNurse(teamId, "Fatima el Amrani")).Version);
    }
}
