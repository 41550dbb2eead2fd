using System.Text.Json;
using Buurtzorg.Contracts.CarePlans;
using Buurtzorg.Contracts.CarePlans.Omaha;
using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Contracts.Visits;
using Buurtzorg.Grains;
using Buurtzorg.Grains.Visits;
using Buurtzorg.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Buurtzorg.Host.Tests.Persistence;

/// <summary>
/// A team schedule stored whole by an earlier release (schema 1: every visit in the one state)
/// reads as it was, is stored per day from its first change on, and goes on from there after a
/// restart, on both databases.
/// </summary>
public sealed class StoredScheduleMigrationTests
{
    private static readonly DateOnly Today = DutchCalendar.Today(TimeProvider.System);

    [Fact]
    public async Task A_schedule_stored_whole_reads_migrates_and_survives_a_restart_on_sqlite()
    {
        using var file = new TempSqliteFile();
        await ScheduleMigrates(() => TestHost.StartOnSqlite(file.Path));
    }

    [Fact]
    public async Task A_schedule_stored_whole_reads_migrates_and_survives_a_restart_on_postgres()
    {
        var database = new PostgresServer();
        await database.InitializeAsync();
        try
        {
            await ScheduleMigrates(() => TestHost.StartOnPostgres(database.ConnectionString, $"migrate-{Guid.NewGuid():N}"));
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    private static async Task ScheduleMigrates(Func<Task<TestHost>> start)
    {
        var teamId = Guid.NewGuid();
        var (known, newcomer) = (Guid.NewGuid(), Guid.NewGuid());
        var care = Daily();
        var old = new TeamScheduleState
        {
            Version = 12,
            GeneratedFrom = Today,
            RemovalsKnownSince = 4,
            ClientInterventions = { [known] = [care] },
            Visits = [.. Enumerable.Range(-3, 3 + ScheduleHorizon.Days).Select(d => new Visit(
                Guid.NewGuid(), known, care.Id, Today.AddDays(d), 0, new(8, 0), new(10, 0), 15, Qualification.InjectionsAndMedication, 1, [], VisitStatus.Open, VisitMark.None, 5 + (d & 3)))],
            Removed = [new RemovedVisit(Guid.NewGuid(), 6, Today.AddDays(-1))],
        };
        string before;
        await using (var first = await start())
        {
            var storage = first.App.Services.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name);
            var schedule = first.App.Services.GetRequiredService<IGrainFactory>().GetGrain<ITeamScheduleGrain>(teamId);
            await storage.WriteStateAsync("team-schedule", schedule.GetGrainId(), new GrainState<TeamScheduleState>(old));

            var read = await View(schedule);
            Assert.Equal((old.Version, old.Visits.Count), (read.Version, read.Visits.Count));

            Assert.Equal(old.Version + 1, await schedule.SyncClient(newcomer, [Daily()]));
            var head = new GrainState<TeamScheduleState>(new());
            await storage.ReadStateAsync("team-schedule", schedule.GetGrainId(), head);
            Assert.Equal((2, 0), (head.State!.Schema, head.State.Visits.Count));
            Assert.Equal(old.Visits.Select(v => v.Date).Distinct().Order(), head.State.Days);
            before = JsonSerializer.Serialize(await View(schedule));
        }

        await using var second = await start();
        var again = second.App.Services.GetRequiredService<IGrainFactory>().GetGrain<ITeamScheduleGrain>(teamId);

        Assert.Equal(before, JsonSerializer.Serialize(await View(again)));
        var changes = await again.GetChanges(old.Version);
        Assert.Equal((false, ScheduleHorizon.Days), (changes.Complete, changes.Visits.Count(v => v.ClientId == newcomer)));
        Assert.Equal(old.Removed.Select(r => r.Id), (await again.GetChanges(5)).RemovedVisitIds);
        Assert.Equal(old.Version + 2, await again.SyncClient(known, []));
    }

    private static async Task<ScheduleView> View(ITeamScheduleGrain schedule) =>
        await schedule.GetVisits(Today.AddDays(-28), Today.AddDays(ScheduleHorizon.Days - 1));

    private static Intervention Daily() => new(
        Guid.NewGuid(), InterventionCategory.TreatmentsAndProcedures, 39, "Medicatie geven",
        new InterventionSchedule(1, SchedulePeriod.Day, new TimeOnly(8, 0), new TimeOnly(10, 0), 15, Qualification.InjectionsAndMedication, false),
        Performer.Team, null);
}
