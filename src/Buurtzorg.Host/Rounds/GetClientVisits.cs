using Buurtzorg.Contracts.Clients;
using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Contracts.Visits;
using Buurtzorg.Grains;
using Buurtzorg.Host.Access;
using Buurtzorg.Host.Problems;
using Mediator;

namespace Buurtzorg.Host.Rounds;

/// <summary>
/// A visit as the client and their family see it: when, the first name of who is coming, and what
/// for (only to those who may read the care plan, see <see cref="GetClientVisits"/>).
/// </summary>
public sealed record ClientVisitView(Guid VisitId, DateOnly Date, TimeOnly WindowStart, TimeOnly WindowEnd, int DurationMinutes, VisitStatus Status,
    IReadOnlyList<string> NurseFirstNames, int NursesNeeded, string? WhatFor, long Version);

public sealed record ClientVisits(Guid ClientId, Guid TeamId, long Version, IReadOnlyList<ClientVisitView> Visits);

/// <summary>
/// The client's upcoming visits (today and the days ahead). What a visit is for ("Insuline
/// spuiten") is health information from the care plan: <paramref name="WithWhatFor"/> is decided
/// by the caller's right to read the care plan (<see cref="ClientVisitsAccess.MaySeeWhatFor"/>),
/// so a relative at the agenda tier learns who comes when, and not what for.
/// </summary>
public sealed record GetClientVisits(Guid ClientId, bool WithWhatFor) : IQuery<ClientVisits>;

public static class ClientVisitsAccess
{
    /// <summary>Asks the one access policy, rather than repeating its tiers here: whoever may read the care plan may see what a visit is for.</summary>
    public static async ValueTask<bool> MaySeeWhatFor(this IAccessPolicy policy, Caller? caller, Guid clientId, CancellationToken cancellationToken) =>
        caller is not null && await policy.Allows(caller, AccessRule.ReadClient(ClientPart.CarePlan), clientId, cancellationToken);
}

public sealed class GetClientVisitsHandler(IGrainFactory grains, VisitDetailsReader reader, TimeProvider clock) : IQueryHandler<GetClientVisits, ClientVisits>
{
    public async ValueTask<ClientVisits> Handle(GetClientVisits query, CancellationToken cancellationToken)
    {
        if (await grains.GetGrain<IClientGrain>(query.ClientId).Get() is not { } client)
        {
            throw new ResourceNotFoundException($"There is no client with id '{query.ClientId}'.");
        }

        var today = DutchCalendar.Today(clock);
        var schedule = await grains.GetGrain<ITeamScheduleGrain>(client.Details.TeamId).GetVisits(today, today.AddDays(ScheduleHorizon.Days - 1));
        var visits = schedule.Visits.Where(v => v.ClientId == query.ClientId && v.Status != VisitStatus.Cancelled).ToList();
        var details = await reader.Read(visits);
        var names = new Dictionary<Guid, string>();
        foreach (var nurseId in visits.SelectMany(v => v.AssignedNurses).Distinct())
        {
            // Families see only the first name of who is coming.
            names[nurseId] = (await grains.GetGrain<INurseGrain>(nurseId).Get())?.Profile.Name.Split(' ', 2)[0] ?? "";
        }

        return new ClientVisits(query.ClientId, client.Details.TeamId, schedule.Version, [.. visits.Select(v => new ClientVisitView(
            v.Id, v.Date, v.WindowStart, v.WindowEnd, v.DurationMinutes, v.Status,
            [.. v.AssignedNurses.Select(n => names[n])], v.NursesNeeded, query.WithWhatFor ? details[v.Id].WhatToDo : null, v.Version))]);
    }
}
