using Buurtzorg.Contracts.CarePlans;
using Buurtzorg.Contracts.CarePlans.Omaha;
using Buurtzorg.Contracts.Geography;
using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Contracts.Rounds;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Contracts.Visits;

namespace Buurtzorg.Grains.Tests.Visits;

/// <summary>
/// A team with nurses who work every day from 07:00 to 17:00 and may give medication, and clients
/// who each get one visit a day between 08:00 and 10:00; <see cref="Visits"/> holds today's, one
/// per client in the order the clients were taken on.
/// </summary>
internal sealed record TeamDay(Guid TeamId, ITeamScheduleGrain Schedule, Guid[] Nurses, Visit[] Visits)
{
    public static readonly DateOnly Today = DutchCalendar.Today(TimeProvider.System);

    public static async Task<TeamDay> Create(IGrainFactory grains, int nurses, int clients)
    {
        var teamId = Guid.NewGuid();
        await grains.GetGrain<ITeamGrain>(teamId).Create("Buurtzorg Ondiep");
        var nurseIds = new Guid[nurses];
        for (var i = 0; i < nurses; i++)
        {
            nurseIds[i] = Guid.NewGuid();
            var nurse = grains.GetGrain<INurseGrain>(nurseIds[i]);
            await nurse.Register(new NurseProfile(
                $"Verpleegkundige {i + 1}", [Qualification.InjectionsAndMedication], 32, new GeoPoint(52.10, 5.11),
                [.. Enum.GetValues<DayOfWeek>().Select(d => new AvailabilitySlot(d, new TimeOnly(7, 0), new TimeOnly(17, 0)))]));
            await nurse.MoveToTeam(teamId);
        }

        var schedule = grains.GetGrain<ITeamScheduleGrain>(teamId);
        var clientIds = Enumerable.Range(0, clients).Select(_ => Guid.NewGuid()).ToList();
        foreach (var client in clientIds)
        {
            await schedule.SyncClient(client, [Daily()]);
        }

        var today = (await schedule.GetVisits(Today, Today)).Visits;
        return new TeamDay(teamId, schedule, nurseIds, [.. clientIds.Select(c => today.Single(v => v.ClientId == c))]);
    }

    /// <summary>A proposed round of these visits in this order; <paramref name="moved"/> last, handed over from the colleague who has it.</summary>
    public static ProposedRound Round(Guid nurseId, IEnumerable<Visit> visits, (Visit Visit, Guid From)? moved = null)
    {
        var stops = visits.Select(v => (v.Id, From: (Guid?)null)).ToList();
        if (moved is { } move)
        {
            stops.Add((move.Visit.Id, move.From));
        }

        var figures = new RoundFigures(stops.Count, 0, 0, 0);
        return new ProposedRound(
            nurseId,
            [.. stops.Select((s, i) => new ProposedStop(s.Id, new TimeOnly(8, 0).AddMinutes(i), new TimeOnly(8, 15).AddMinutes(i), true, s.From))],
            figures,
            figures);
    }

    private static Intervention Daily() => new(
        Guid.NewGuid(), InterventionCategory.TreatmentsAndProcedures, 39, "Medicatie geven",
        new InterventionSchedule(1, SchedulePeriod.Day, new TimeOnly(8, 0), new TimeOnly(10, 0), 15, Qualification.InjectionsAndMedication, false),
        Performer.Team, null);
}
