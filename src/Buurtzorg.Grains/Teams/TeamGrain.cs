using Buurtzorg.Contracts.Capacity;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Grains.Schedule;

namespace Buurtzorg.Grains.Teams;

public sealed partial class TeamGrain(
    [PersistentState("team", GrainStorage.Name)] IPersistentState<TeamState> team,
    TimeProvider clock) : Grain, ITeamGrain
{
    private TeamState State => team.State;

    private bool Divided => State.ChildTeamIds.Count > 0;

    public override Task OnActivateAsync(CancellationToken cancellationToken) =>
        State.Division is not null && !Divided ? CarryOutDivision() : Task.CompletedTask;

    public async ValueTask<TeamResult> Create(string name, string? region = null)
    {
        if (State.Founded)
        {
            return TeamResult.Refused(TeamError.AlreadyExists);
        }

        var now = clock.GetUtcNow();
        State.Founded = true;
        State.Name = name;
        State.Region = region ?? TeamLimits.UnassignedRegion;
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
        if (Refusal() is { } refused)
        {
            return refused;
        }

        if (State.Nurses.Exists(n => n.NurseId == nurseId))
        {
            return TeamResult.Refused(TeamError.DuplicateNurse);
        }

        var now = clock.GetUtcNow();
        State.Nurses.Add(new TeamNurseState { NurseId = nurseId, Name = name, JoinedAt = now });
        if (State.Nurses.Count > TeamLimits.MaxNurses)
        {
            return await Divide(nurseId, now);
        }

        return await Commit(TeamChangeKind.NurseAdded, nurseId, now);
    }

    public async ValueTask<TeamResult> RemoveNurse(Guid nurseId)
    {
        if (Refusal() is { } refused)
        {
            return refused;
        }

        if (State.Nurses.RemoveAll(n => n.NurseId == nurseId) == 0)
        {
            return TeamResult.Refused(TeamError.NurseNotFound);
        }

        return await Commit(TeamChangeKind.NurseRemoved, nurseId, clock.GetUtcNow());
    }

    public async ValueTask<Guid> AdmitClient(Guid clientId)
    {
        if (Divided)
        {
            return await GrainFactory.GetGrain<ITeamGrain>(ChildFor(clientId)).AdmitClient(clientId);
        }

        if (!State.Clients.Contains(clientId))
        {
            State.Clients.Add(clientId);
            await Commit(TeamChangeKind.ClientAdmitted, nurseId: null, clock.GetUtcNow());
        }

        return this.GetPrimaryKey();
    }

    private TeamResult? Refusal() =>
        !State.Founded ? TeamResult.Refused(TeamError.NotFound)
        : Divided ? TeamResult.Refused(TeamError.Divided)
        : null;

    private async ValueTask<TeamResult> Commit(TeamChangeKind kind, Guid? nurseId, DateTimeOffset now, IReadOnlyList<Guid>? children = null)
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
            .Publish(new TeamChanged(this.GetPrimaryKey(), State.Version, kind, nurseId, now, children));
        await GrainFactory.GetGrain<ITeamCapacityGrain>(this.GetPrimaryKey()).ReportTeam(State.Name, State.Region, State.Nurses.Count, Divided);
        return TeamResult.Ok(Snapshot());
    }

    private TeamSnapshot Snapshot() => new(
        this.GetPrimaryKey(),
        State.Name,
        State.Version,
        [.. State.Nurses.Select(n => new TeamMember(n.NurseId, n.Name, n.JoinedAt))],
        [.. State.Clients],
        State.ParentTeamId,
        [.. State.ChildTeamIds]);
}
