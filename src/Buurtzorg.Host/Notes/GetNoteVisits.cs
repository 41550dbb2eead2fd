using Buurtzorg.Contracts.Clients;
using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Contracts.Visits;
using Buurtzorg.Host.Clients;
using Mediator;

namespace Buurtzorg.Host.Notes;

/// <summary>A visit a note can be about: when, who came (first names), and whether it has a note yet.</summary>
public sealed record NoteVisit(Guid VisitId, DateOnly Date, TimeOnly WindowStart, TimeOnly WindowEnd, VisitStatus Status, IReadOnlyList<string> NurseFirstNames, bool HasNote);

/// <summary>
/// The client's visits of today and the <see cref="ClientLimits.VisitNoteDaysBack"/> days before,
/// newest first: the ones a nurse may write a note about. Later visits have nothing to tell yet.
/// </summary>
public sealed record GetNoteVisits(Guid ClientId, DateOnly Today) : IQuery<IReadOnlyList<NoteVisit>>;

public sealed class GetNoteVisitsHandler(IGrainFactory grains) : IQueryHandler<GetNoteVisits, IReadOnlyList<NoteVisit>>
{
    public async ValueTask<IReadOnlyList<NoteVisit>> Handle(GetNoteVisits query, CancellationToken cancellationToken)
    {
        var visits = await grains.RecentVisits(query.ClientId, query.Today);
        var noted = (await grains.GetGrain<IClientNotesGrain>(query.ClientId).GetNotes()).Select(n => n.VisitId).ToHashSet();
        var names = new Dictionary<Guid, string>();
        foreach (var nurseId in visits.SelectMany(v => v.AssignedNurses).Distinct())
        {
            names[nurseId] = (await grains.GetGrain<INurseGrain>(nurseId).Get())?.Profile.Name.Split(' ', 2)[0] ?? "";
        }

        return [.. visits
            .OrderByDescending(v => v.Date).ThenByDescending(v => v.WindowStart)
            .Select(v => new NoteVisit(v.Id, v.Date, v.WindowStart, v.WindowEnd, v.Status, [.. v.AssignedNurses.Select(n => names[n])], noted.Contains(v.Id)))];
    }
}

internal static class RecentVisitsReading
{
    /// <summary>The client's visits a note may be about (not cancelled, today or recently); 404 for no client.</summary>
    public static async Task<IReadOnlyList<Visit>> RecentVisits(this IGrainFactory grains, Guid clientId, DateOnly today)
    {
        var client = await grains.GetGrain<IClientGrain>(clientId).Get() ?? throw ClientOutcome.ClientNotFound(clientId);
        var schedule = await grains.GetGrain<ITeamScheduleGrain>(client.Details.TeamId).GetVisits(today.AddDays(-ClientLimits.VisitNoteDaysBack), today);
        return [.. schedule.Visits.Where(v => v.ClientId == clientId && v.Status != VisitStatus.Cancelled)];
    }
}
