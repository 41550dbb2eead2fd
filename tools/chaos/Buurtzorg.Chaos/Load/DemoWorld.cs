using Buurtzorg.Chaos.Http;
using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Contracts.Rounds;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Contracts.Visits;

namespace Buurtzorg.Chaos.Load;

/// <summary>
/// The part of the demo region the load works in, read over HTTP as the signed-in users see it:
/// the two nurses' team with its nurses and schedule, some of its clients' care plans, and the
/// client account's own record.
/// </summary>
public sealed class DemoWorld
{
    /// <summary>Care plans each nurse edits: few, so that every plan sees a long story of edits.</summary>
    private const int PlansPerNurse = 2;

    public required UserSession Nurse { get; init; }

    public required UserSession Colleague { get; init; }

    public required UserSession Client { get; init; }

    public required Guid TeamId { get; init; }

    public required IReadOnlyDictionary<Guid, NurseRecord> TeamNurses { get; init; }

    public required IReadOnlyList<Visit> Visits { get; init; }

    public required IReadOnlyList<Guid> NursePlans { get; init; }

    public required IReadOnlyList<Guid> ColleaguePlans { get; init; }

    public Guid ClientId => Client.SubjectId;

    public static async Task<DemoWorld> Discover(Requests requests, UserSession nurse, UserSession colleague, UserSession client)
    {
        var me = (await requests.Read(nurse, $"/api/nurses/{nurse.SubjectId}")).As<NurseRecord>("nurse");
        var teamId = me.TeamId ?? throw new InvalidOperationException("the demo nurse is in no team");
        var team = (await requests.Read(nurse, $"/api/teams/{teamId}")).As<TeamSnapshot>("team");
        var nurses = (await Task.WhenAll(team.Nurses.Select(async member =>
            (await requests.Read(nurse, $"/api/nurses/{member.NurseId}")).As<NurseRecord>("nurse")))).ToDictionary(n => n.Id);

        if (!nurses.ContainsKey(colleague.SubjectId))
        {
            throw new InvalidOperationException("the demo colleague is not in the demo nurse's team");
        }

        var schedule = (await requests.Read(nurse, $"/api/teams/{teamId}/schedule/changes?since=0")).As<ScheduleDelta>("schedule");
        // Other clients than the client account's own: its record is the client's story.
        var plans = team.ClientIds.Where(c => c != client.SubjectId).Take(2 * PlansPerNurse).ToList();
        return new DemoWorld
        {
            Nurse = nurse,
            Colleague = colleague,
            Client = client,
            TeamId = teamId,
            TeamNurses = nurses,
            Visits = schedule.Visits,
            NursePlans = plans[..PlansPerNurse],
            ColleaguePlans = plans[PlansPerNurse..],
        };
    }
}
