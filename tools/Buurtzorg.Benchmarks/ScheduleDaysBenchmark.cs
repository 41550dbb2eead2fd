using System.Diagnostics;
using Buurtzorg.Contracts.CarePlans;
using Buurtzorg.Contracts.CarePlans.Omaha;
using Buurtzorg.Contracts.Geography;
using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Contracts.Rounds;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Contracts.Visits;
using Buurtzorg.Grains;
using Buurtzorg.Grains.Visits;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Storage;

namespace Buurtzorg.Benchmarks;

/// <summary>
/// Issue 17, item 1 for the team schedule: what a claim stores, and how fast schedules activate,
/// stored whole (schema 1, as before) and per day (schema 2). Teams of the national benchmark's
/// size (70 clients, visits 28 days back and 14 ahead) are stored in the old shape; a fresh silo
/// activates them (before), one claim each migrates them, a fresh silo activates them again
/// (after), and one more claim each is measured: the bytes of the row it wrote, and whether the
/// head was written. Usage:
///   Buurtzorg.Benchmarks schedule-days [--postgres "&lt;connection string&gt;"] [--teams 20] [--clients-per-team 70] [--concurrency 64]
/// Without --postgres it runs on a new SQLite file in the temp folder.
/// </summary>
internal static class ScheduleDaysBenchmark
{
    private static readonly DateOnly Today = DutchCalendar.Today(TimeProvider.System);

    public static async Task<int> Run(string? postgres, int teams, int clients, int concurrency)
    {
        var sqlite = Path.Combine(Path.GetTempPath(), $"schedule-days-{Environment.ProcessId}.db");
        var serviceId = $"schedule-days-{Guid.NewGuid():N}";

        var seeded = new List<(Guid Team, Guid Nurse, Guid[] Open)>();
        long wholeBytes = 0;
        using (var host = await StartSilo(postgres, sqlite, serviceId, "seed"))
        {
            var grains = host.Services.GetRequiredService<IGrainFactory>();
            var storage = host.Services.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name);
            var serializer = host.Services.GetRequiredService<IGrainStorageSerializer>();
            for (var t = 0; t < teams; t++)
            {
                var (teamId, nurseId) = (Guid.NewGuid(), Guid.NewGuid());
                await grains.GetGrain<ITeamGrain>(teamId).Create($"Benchmark team {t + 1}");
                var nurse = grains.GetGrain<INurseGrain>(nurseId);
                await nurse.Register(new NurseProfile(
                    "Verpleegkundige", [Qualification.InjectionsAndMedication], 32, new GeoPoint(52.10, 5.11),
                    [.. Enum.GetValues<DayOfWeek>().Select(d => new AvailabilitySlot(d, new TimeOnly(7, 0), new TimeOnly(17, 0)))]));
                await nurse.MoveToTeam(teamId);
                var whole = WholeSchedule(nurseId, clients);
                wholeBytes += serializer.Serialize(whole).ToMemory().Length;
                await storage.WriteStateAsync("team-schedule", grains.GetGrain<ITeamScheduleGrain>(teamId).GetGrainId(), new GrainState<TeamScheduleState>(whole));
                seeded.Add((teamId, nurseId, [.. whole.Visits.Where(v => v.Date == Today && v.AssignedNurses.Count == 0 && v.WindowStart.Hour == 8).Select(v => v.Id).Take(2)]));
            }

            await host.StopAsync();
        }

        TimeSpan before;
        using (var host = await StartSilo(postgres, sqlite, serviceId, "before"))
        {
            var grains = host.Services.GetRequiredService<IGrainFactory>();
            before = await Activate(grains, seeded, concurrency);
            // The first change of each stores it per day.
            await Parallel.ForEachAsync(seeded, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (s, _) =>
                Check(await grains.GetGrain<ITeamScheduleGrain>(s.Team).Claim(s.Open[0], s.Nurse)));
            await host.StopAsync();
        }

        TimeSpan after;
        long dayBytes = 0;
        var headWrites = 0;
        using (var host = await StartSilo(postgres, sqlite, serviceId, "after"))
        {
            var grains = host.Services.GetRequiredService<IGrainFactory>();
            var storage = host.Services.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name);
            var serializer = host.Services.GetRequiredService<IGrainStorageSerializer>();
            after = await Activate(grains, seeded, concurrency);
            foreach (var s in seeded)
            {
                var schedule = grains.GetGrain<ITeamScheduleGrain>(s.Team);
                var head = new GrainState<TeamScheduleState>(new());
                await storage.ReadStateAsync("team-schedule", schedule.GetGrainId(), head);
                Check(await schedule.Claim(s.Open[1], s.Nurse));
                var headAfter = new GrainState<TeamScheduleState>(new());
                await storage.ReadStateAsync("team-schedule", schedule.GetGrainId(), headAfter);
                headWrites += headAfter.ETag == head.ETag ? 0 : 1;
                var row = new GrainState<TeamScheduleDayState>(new());
                await storage.ReadStateAsync(TeamScheduleGrain.DayStateName, TeamScheduleGrain.DayGrainId(s.Team, Today), row);
                dayBytes += serializer.Serialize(row.State).ToMemory().Length;
            }

            await host.StopAsync();
        }

        if (postgres is null)
        {
            File.Delete(sqlite);
        }

        var (wholePerClaim, dayPerClaim) = (wholeBytes / teams, dayBytes / teams);
        Print($"schedule-days on {(postgres is null ? "SQLite" : "PostgreSQL")}: {teams} teams of {clients} clients, visits {Today.AddDays(-28):yyyy-MM-dd} to {Today.AddDays(ScheduleHorizon.Days - 1):yyyy-MM-dd}");
        Print($"bytes per claim: stored whole {wholePerClaim:N0}; per day {dayPerClaim:N0} (head written by {headWrites} of {teams} claims); ratio 1/{(double)wholePerClaim / dayPerClaim:F0}");
        Print($"cold activation of {teams} schedules (concurrency {concurrency}): stored whole {before.TotalMilliseconds:F0} ms ({teams / before.TotalSeconds:F0}/s); per day {after.TotalMilliseconds:F0} ms ({teams / after.TotalSeconds:F0}/s); after/before {after / before:F2}");
        return 0;
    }

    private static async Task<TimeSpan> Activate(IGrainFactory grains, List<(Guid Team, Guid Nurse, Guid[] Open)> seeded, int concurrency)
    {
        var stopwatch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(seeded, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (s, _) =>
            await grains.GetGrain<ITeamScheduleGrain>(s.Team).GetRound(s.Nurse, Today));
        return stopwatch.Elapsed;
    }

    private static void Check(RoundResult result)
    {
        if (result.Error != RoundError.None)
        {
            throw new InvalidOperationException($"A claim was refused: {result.Error}");
        }
    }

    /// <summary>As an average national team: one or two interventions a day per client, done and reported up to yesterday.</summary>
    private static TeamScheduleState WholeSchedule(Guid nurse, int clients)
    {
        var state = new TeamScheduleState { Version = 40, GeneratedFrom = Today, RemovalsKnownSince = 0 };
        for (var c = 0; c < clients; c++)
        {
            var client = Guid.NewGuid();
            List<Intervention> interventions = c % 3 == 0 ? [Daily(new(8, 0), new(10, 0)), Daily(new(17, 0), new(19, 0))] : [Daily(new(8, 0), new(10, 0))];
            state.ClientInterventions[client] = interventions;
            for (var d = -28; d < ScheduleHorizon.Days; d++)
            {
                foreach (var i in interventions)
                {
                    var past = d < 0;
                    var report = past ? new VisitReport(nurse, DateTimeOffset.UtcNow.AddDays(d), true, true, i.Schedule.WindowStart, i.Schedule.DurationMinutes, null, nurse) : null;
                    state.Visits.Add(new Visit(
                        Guid.NewGuid(), client, i.Id, Today.AddDays(d), 0, i.Schedule.WindowStart, i.Schedule.WindowEnd, i.Schedule.DurationMinutes, i.Schedule.RequiredQualification, 1,
                        past ? [nurse] : [], past ? VisitStatus.Done : VisitStatus.Open, VisitMark.None, 1 + ((d + 28) % 39), report, past ? nurse : null));
                }
            }
        }

        return state;
    }

    private static Intervention Daily(TimeOnly from, TimeOnly to) => new(
        Guid.NewGuid(), InterventionCategory.TreatmentsAndProcedures, 39, "Medicatie geven",
        new InterventionSchedule(1, SchedulePeriod.Day, from, to, 15, Qualification.InjectionsAndMedication, false),
        Performer.Team, null);

    private static Task<IHost> StartSilo(string? postgres, string sqlite, string serviceId, string purpose) =>
        BenchmarkSilo.Start(postgres, serviceId, $"schedule-days-{purpose}", 11711, sqlite);

    private static void Print(string line) => Console.WriteLine(line);
}
