using Buurtzorg.Contracts.Capacity;
using Buurtzorg.Contracts.Clients;
using Buurtzorg.Contracts.Knowledge;
using Buurtzorg.Contracts.Schedule;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Contracts.Visits;
using Microsoft.AspNetCore.SignalR;

namespace Buurtzorg.Host.Schedule;

/// <summary>
/// This host's ear in the cluster: a grain service in this host's silo that receives every
/// change batch published on any silo and forwards it to the SignalR groups on this host. Not
/// reentrant: batches are forwarded in the order they arrive, so a team's events stay in order.
/// </summary>
public sealed class ScheduleEventRelay(
    GrainId id,
    Silo silo,
    ILoggerFactory loggers,
    IHubContext<ScheduleHub, IScheduleClient> hub,
    HubWatches watches) : GrainService(id, silo, loggers), IScheduleEventRelay
{
    public async Task OnTeamChanges(IReadOnlyList<TeamChanged> changes)
    {
        // A team's members changed: rights may have ended, and watches end before anything else is sent.
        await watches.TeamsChanged([.. changes]);
        foreach (var change in changes)
        {
            await hub.Clients.Group(ScheduleGroups.Team(change.TeamId)).TeamChanged(change);
        }
    }

    public async Task OnScheduleChanges(IReadOnlyList<ScheduleChanged> changes)
    {
        foreach (var change in changes)
        {
            // Each watcher hears of what is theirs: the team, each nurse, each client concerned.
            await hub.Clients.Groups([
                ScheduleGroups.Team(change.TeamId),
                .. change.NurseIds.Select(ScheduleGroups.Nurse),
                .. change.ClientIds.Select(ScheduleGroups.Client)]).ScheduleChanged(change);
        }
    }

    public Task OnCapacityChanged(CapacityChanged change) => hub.Clients.Group(ScheduleGroups.Capacity).CapacityChanged(change);

    public async Task OnQuestionChanges(IReadOnlyList<QuestionChanged> changes)
    {
        foreach (var change in changes)
        {
            // A nurse in two of these groups may hear of it twice; the page takes a change it already has as the same one.
            await hub.Clients.Groups([
                .. change.Question.Topics.Select(ScheduleGroups.Topic),
                ScheduleGroups.QuestionsOf(change.Question.AskedBy.NurseId)]).QuestionChanged(change);
        }
    }

    public Task OnClientAccessChanges(IReadOnlyList<ClientAccessChanged> changes) =>
        watches.AccessChanged([.. changes.Select(c => c.ClientId).Distinct()]);
}
