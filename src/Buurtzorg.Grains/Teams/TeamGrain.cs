using Buurtzorg.Contracts.Teams;
using Buurtzorg.Grains.Schedule;

namespace Buurtzorg.Grains.Teams;

public sealed class TeamGrain(
    [PersistentState("team", GrainStorage.Name)] IPersistentState<TeamState> team,
    TimeProvider clock) : Grain, ITeamGrain
{
    private TeamState State => team.State;

    public async ValueTask<TeamResult> Create(string name)
    {
        if (State.Founded)
        {
            return TeamResult.Refused(TeamError.AlreadyExists);
        }

        var now = clock.GetUtcNow();
        State.Founded = true;
        State.Name = name;
        State.FoundedAt = now;
        var result = await Commit(TeamChangeKind.Founded, nurseId: null, now);

        // The directory is written after the team: a crash in between leaves a team that is
        // readable by id but not yet listed, never a listing that points at nothing.
        await GrainFactory.GetGrain<ITeamDirectoryGrain>(0).Register(new TeamListing(this.GetPrimaryKey(), name, now));
        return result;
    }

    public ValueTask<TeamSnapshot?> Get() => ValueTask.FromResult(State.Founded ? Snapshot() : null);

    public async ValueTask<TeamResult> AddNurse(Guid nurseId, string name)
    {
        if (!State.Founded)
        {
            return TeamResult.Refused(TeamError.NotFound);
        }

        if (State.Nurses.Exists(n => n.NurseId == nurseId))
        {
            return TeamResult.Refused(TeamError.DuplicateNurse);
        }

        // Until cell division exists a team refuses to grow past twelve instead of splitting.
        if (State.Nurses.Count >= TeamLimits.MaxNurses)
        {
            return TeamResult.Refused(TeamError.TeamFull);
        }

        var now = clock.GetUtcNow();
        State.Nurses.Add(new TeamNurseState { NurseId = nurseId, Name = name, JoinedAt = now });
        return await Commit(TeamChangeKind.NurseAdded, nurseId, now);
    }

    public async ValueTask<TeamResult> RemoveNurse(Guid nurseId)
    {
        if (!State.Founded)
        {
            return TeamResult.Refused(TeamError.NotFound);
        }

        if (State.Nurses.RemoveAll(n => n.NurseId == nurseId) == 0)
        {
            return TeamResult.Refused(TeamError.NurseNotFound);
        }

        return await Commit(TeamChangeKind.NurseRemoved, nurseId, clock.GetUtcNow());
    }

    private async ValueTask<TeamResult> Commit(TeamChangeKind kind, Guid? nurseId, DateTimeOffset now)
    {
        State.Version++;
        try
        {
            await team.WriteStateAsync();
        }
        catch
        {
            // The change was not stored: forget it in memory too, so the next call starts from
            // what the database holds rather than from a change nobody else will ever see.
            await team.ReadStateAsync();
            throw;
        }

        await GrainFactory.GetGrain<IScheduleEventPublisherGrain>(0)
            .Publish(new TeamChanged(this.GetPrimaryKey(), State.Version, kind, nurseId, now));
        return TeamResult.Ok(Snapshot());
    }

    private TeamSnapshot Snapshot() => new(
        this.GetPrimaryKey(),
        State.Name,
        State.Version,
        [.. State.Nurses.Select(n => new TeamMember(n.NurseId, n.Name, n.JoinedAt))]);
}
