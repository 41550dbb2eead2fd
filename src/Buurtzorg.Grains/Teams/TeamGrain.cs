using Buurtzorg.Contracts.Capacity;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Grains.Idempotency;
using Buurtzorg.Grains.Schedule;
using Microsoft.Extensions.Logging;

namespace Buurtzorg.Grains.Teams;

public sealed partial class TeamGrain(
    [PersistentState("team", GrainStorage.Name)] IPersistentState<TeamState> team,
    TimeProvider clock,
    ILogger<TeamGrain> logger) : Grain, ITeamGrain, IKeepsOutcomes
{
    OutcomeLedger IKeepsOutcomes.Outcomes => State.Outcomes;

    private FollowUps? _followUps;

    private TeamState State => team.State;

    private FollowUps FollowUps => _followUps ??= new(this, logger);

    private bool Divided => State.ChildTeamIds.Count > 0;

    // A divided parent may have stopped before it left the team list (or divided before it
    // did so at all): leaving it again is a no-op when it is off already.
    public override Task OnActivateAsync(CancellationToken cancellationToken) =>
        State.Division is null ? Task.CompletedTask
        : Divided ? Unlist()
        : CarryOutDivision();

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
        await List(new TeamListing(this.GetPrimaryKey(), name, now));
        return result;
    }

    // Events and figures posted by the last changes are handed over before the activation goes.
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        FollowUps.Drain().WaitAsync(cancellationToken);

    public ValueTask<TeamSnapshot?> Get() => ValueTask.FromResult(State.Founded && !State.Retired ? Snapshot() : null);

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
        var acceptedBy = State.JoinRequests.Find(r => r.NurseId == nurseId)?.AcceptedBy;
        State.JoinRequests.RemoveAll(r => r.NurseId == nurseId);
        State.Nurses.Add(new TeamNurseState { NurseId = nurseId, Name = name, JoinedAt = now, AcceptedBy = acceptedBy });
        if (State.Nurses.Count > TeamLimits.MaxNurses)
        {
            return await Divide(nurseId, now);
        }

        return await Commit(TeamChangeKind.NurseAdded, nurseId, now, by: acceptedBy);
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

        var now = clock.GetUtcNow();
        if (State.Nurses.Count > 0 || State.Clients.Count > 0)
        {
            return await Commit(TeamChangeKind.NurseRemoved, nurseId, now);
        }

        // Nobody and nothing is left (a founder who left again): the team stops being listed, and
        // its open places close with it (nobody is left to take a colleague in).
        State.Retired = true;
        State.JoinRequests.Clear();
        State.OpenPlaces.Clear();
        var retired = await Commit(TeamChangeKind.Retired, nurseId, now);
        await Unlist();
        return retired;
    }

    public async ValueTask<TeamResult> RequestJoin(Guid nurseId, string name, string? message)
    {
        if (Refusal() is { } refused)
        {
            return refused;
        }

        if (State.Nurses.Exists(n => n.NurseId == nurseId))
        {
            return TeamResult.Refused(TeamError.DuplicateNurse);
        }

        var waiting = State.JoinRequests.Find(r => r.NurseId == nurseId);
        if (waiting is not null && (waiting.AcceptedBy is not null || (waiting.Message == message && waiting.Name == name)))
        {
            return TeamResult.Ok(Snapshot());
        }

        var now = clock.GetUtcNow();
        State.JoinRequests.RemoveAll(r => r.NurseId == nurseId);
        State.JoinRequests.Add(new JoinRequestState { NurseId = nurseId, Name = name, Message = message, AskedAt = now });
        return await Commit(TeamChangeKind.JoinRequested, nurseId, now);
    }

    public async ValueTask<TeamResult> AcceptJoin(Guid nurseId, Guid acceptedBy)
    {
        if (Refusal() is { } refused)
        {
            return refused;
        }

        if (State.Nurses.Exists(n => n.NurseId == nurseId))
        {
            return TeamResult.Refused(TeamError.DuplicateNurse);
        }

        if (State.JoinRequests.Find(r => r.NurseId == nurseId) is not { } request)
        {
            return TeamResult.Refused(TeamError.NoJoinRequest);
        }

        if (request.AcceptedBy is not null)
        {
            return TeamResult.Ok(Snapshot());
        }

        request.AcceptedBy = acceptedBy;
        return await Commit(TeamChangeKind.JoinAccepted, nurseId, clock.GetUtcNow(), by: acceptedBy);
    }

    public async ValueTask<TeamResult> DeclineJoin(Guid nurseId, Guid by)
    {
        if (Refusal() is { } refused)
        {
            return refused;
        }

        // An accepted nurse is on her way in; declining her now would strand her between teams.
        if (State.JoinRequests.RemoveAll(r => r.NurseId == nurseId && r.AcceptedBy is null) == 0)
        {
            return TeamResult.Refused(TeamError.NoJoinRequest);
        }

        return await Commit(TeamChangeKind.JoinDeclined, nurseId, clock.GetUtcNow(), by: by);
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
        !State.Founded || State.Retired ? TeamResult.Refused(TeamError.NotFound)
        : Divided ? TeamResult.Refused(TeamError.Divided)
        : null;

    private async ValueTask<TeamResult> Commit(TeamChangeKind kind, Guid? nurseId, DateTimeOffset now, IReadOnlyList<Guid>? children = null, Guid? by = null)
    {
        State.Version++;
        var result = TeamResult.Ok(Snapshot());
        State.Outcomes.Keep(result);
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

        // Stored: telling others may be late, but never turns the change into an error, and the
        // answer does not wait for it (the write is what the caller waits for; measured in
        // docs/benchmarks.md). Events keep their order in their lane; the figures are taken now,
        // as stored, since a later request may change memory before the report is made.
        var changed = new TeamChanged(this.GetPrimaryKey(), State.Version, kind, nurseId, now, children, by);
        FollowUps.Post("events", () => GrainFactory.GetGrain<IScheduleEventPublisherGrain>(0).Publish(changed).AsTask());

        // A retired team, like a divided one, no longer counts as a team of its own.
        var (name, region, nurses, uncounted) = (State.Name, State.Region, State.Nurses.Count, Divided || State.Retired);
        FollowUps.PostRefresh("capacity", () => GrainFactory.GetGrain<ITeamCapacityGrain>(this.GetPrimaryKey())
            .ReportTeam(name, region, nurses, uncounted).AsTask());
        if (ChangesPlaces(kind))
        {
            ReportPlaces();
        }

        return result;
    }

    /// <summary>The team list follows the team; both calls are safe to repeat, and keep their order.</summary>
    private Task List(TeamListing listing) =>
        FollowUps.Send("team list", () => GrainFactory.GetGrain<ITeamDirectoryGrain>(0).Register(listing).AsTask());

    private Task Unlist() =>
        FollowUps.Send("team list", () => GrainFactory.GetGrain<ITeamDirectoryGrain>(0).Retire(this.GetPrimaryKey()).AsTask());

    private TeamSnapshot Snapshot() => new(
        this.GetPrimaryKey(),
        State.Name,
        State.Version,
        [.. State.Nurses.Select(n => new TeamMember(n.NurseId, n.Name, n.JoinedAt, n.AcceptedBy))],
        [.. State.Clients],
        State.ParentTeamId,
        [.. State.ChildTeamIds],
        [.. State.JoinRequests.Select(r => new JoinRequest(r.NurseId, r.Name, r.Message, r.AskedAt))],
        OpenPlacesNow(),
        State.Region);
}
