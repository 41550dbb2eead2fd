using Buurtzorg.Contracts.Capacity;
using Buurtzorg.Contracts.CarePlans;
using Buurtzorg.Contracts.Clients;
using Buurtzorg.Contracts.Privacy;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Grains.History;
using Buurtzorg.Grains.Idempotency;
using Buurtzorg.Grains.Privacy;
using Buurtzorg.Grains.Schedule;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace Buurtzorg.Grains.Clients;

public sealed class ClientGrain(
    [PersistentState("client", GrainStorage.Name)] IPersistentState<ClientState> client,
    TimeProvider clock,
    ILogger<ClientGrain> logger) : Grain, IClientGrain, IKeepsOutcomes
{
    /// <summary>The state name of the client's log pages.</summary>
    public const string LogName = "client-log";

    OutcomeLedger IKeepsOutcomes.Outcomes => State.Outcomes;

    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly List<ClientLogEntry> _unlogged = [];
    private PagedLog<ClientLogEntry>? _pages;
    private IGrainTimer? _admission;
    private FollowUps? _followUps;

    private ClientState State => client.State;

    private RetentionClock Retention => _retention ??= ServiceProvider.GetService<RetentionClock>() ?? new RetentionClock(clock);

    private RetentionClock? _retention;

    private FollowUps FollowUps => _followUps ??= new(this, logger);

    private PagedLog<ClientLogEntry> Pages => _pages ??=
        new(ServiceProvider.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name), LogName, this.GetGrainId(), e => e.Version);

    /// <summary>
    /// A registration cut off before the team heard of the client is finished in a turn of its
    /// own, not in the activation: the team may be dividing and waiting on this very client.
    /// </summary>
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (State.Details is not null && State.AdmissionPending)
        {
            _admission = this.RegisterGrainTimer(FinishAdmission, new GrainTimerCreationOptions { DueTime = TimeSpan.Zero, Period = Timeout.InfiniteTimeSpan });
        }

        return Task.CompletedTask;
    }

    private async Task FinishAdmission(CancellationToken cancellationToken)
    {
        _admission?.Dispose();
        _admission = null;
        if (State.AdmissionPending)
        {
            await JoinTeam();
        }
    }

    public async Task FollowTeam(Guid teamId)
    {
        if (State.Details is null || (State.Details.TeamId == teamId && !State.AdmissionPending))
        {
            return;
        }

        var previous = State.Details.TeamId;
        State.AdmissionPending = false;
        if (previous == teamId)
        {
            // Only the team's confirmation: nothing the client's record shows changed.
            await Write();
            return;
        }

        var before = Before();
        State.Details = State.Details with { TeamId = teamId };
        await Commit(before);
        await FollowUps.Refresh(CapacityLane(previous), () => GrainFactory.GetGrain<ITeamCapacityGrain>(previous)
            .ReportClient(this.GetPrimaryKey(), State.Status, waiting: false, inTeam: false).AsTask());
    }

    public async ValueTask<ClientResult> Register(ClientRegistration registration)
    {
        if (State.Details is not null)
        {
            return ClientResult.Refused(ClientError.AlreadyRegistered);
        }

        var before = Before();
        State.Details = registration;
        State.Status = ClientStatus.Active;
        State.AdmissionPending = true;
        await Commit(before);

        // Registered, and stored as waiting for the team: a team that cannot be reached now takes
        // the client on when the call is tried again, or when this grain next activates.
        await FollowUps.Send("admission", JoinTeam);
        return ClientResult.Ok(Record());
    }

    /// <summary>The team takes the client on (or, divided, passes them to a half), and the client follows.</summary>
    private async Task JoinTeam()
    {
        var teamId = await GrainFactory.GetGrain<ITeamGrain>(State.Details!.TeamId).AdmitClient(this.GetPrimaryKey());
        await FollowTeam(teamId);
    }

    public ValueTask<ClientRecord?> Get() => ValueTask.FromResult(State.Details is null ? null : Record());

    public async ValueTask<ClientResult> ChangeStatus(ClientStatus status)
    {
        var (discharged, readmitted) = ((DateTimeOffset?)null, (DateTimeOffset?)null);
        var result = await Change(() =>
        {
            if (status == ClientStatus.Discharged && State.Status != ClientStatus.Discharged)
            {
                discharged = State.DischargedAt = Retention.Now();
            }
            else if (status != ClientStatus.Discharged && State.DischargedAt is { } was)
            {
                (readmitted, State.DischargedAt) = (was, null);
            }

            State.Status = status;
            return ClientError.None;
        });
        if (result.Error == ClientError.None)
        {
            // The plan's grain owns what the team does for the client; it re-reads the status.
            await FollowUps.Refresh("care plan", () => GrainFactory.GetGrain<ICarePlanGrain>(this.GetPrimaryKey()).SyncSchedule());

            // One lane, in order: a discharge and a readmission right after it end up noted as neither.
            var id = this.GetPrimaryKey();
            if (discharged is { } at)
            {
                await FollowUps.Send("retention", () => GrainFactory.GetGrain<IDischargedClientsGrain>(RetentionMonths.Of(at)).Add(id, at));
            }
            else if (readmitted is { } at2)
            {
                await FollowUps.Send("retention", () => GrainFactory.GetGrain<IDischargedClientsGrain>(RetentionMonths.Of(at2)).Remove(id));
            }
        }

        return result;
    }

    public ValueTask<ClientResult> AddNetworkMember(Guid memberId, NetworkMemberDetails details) => Change(() =>
    {
        if (State.Network.Exists(m => m.Id == memberId))
        {
            return ClientError.DuplicateNetworkMember;
        }

        // The grain keeps the cap, so no way in (the API, the demo, a tool) can grow a record without bound.
        if (State.Network.Count >= ClientLimits.MaxNetworkMembers)
        {
            return ClientError.NetworkFull;
        }

        // A newcomer sees nothing until the client decides otherwise.
        State.Network.Add(new NetworkMember(memberId, details, NetworkAccess.None));
        return ClientError.None;
    });

    public ValueTask<ClientResult> UpdateNetworkMember(Guid memberId, NetworkMemberDetails details) =>
        ChangeMember(memberId, member => member with { Details = details });

    /// <summary>
    /// Takes the person out and erases their name and contact details from the network's history
    /// too (AVG art. 17): the history keeps that an entry of this relation was there and what it
    /// could see when, which the record must account for, not who it was. The history is rewritten
    /// before the removal is stored, and the removal's own entry is logged erased (see
    /// <see cref="Logged"/>), so no moment exists at which the person is gone from the network but
    /// not from its history.
    /// </summary>
    public async ValueTask<ClientResult> RemoveNetworkMember(Guid memberId)
    {
        if (State.Details is not null && State.Network.Exists(m => m.Id == memberId))
        {
            await _writing.WaitAsync();
            try
            {
                await Pages.Rewrite(State.Version, entry => entry.EraseMember(memberId));
            }
            finally
            {
                _writing.Release();
            }
        }

        return await AccessChanged(await Change(() =>
            State.Network.RemoveAll(m => m.Id == memberId) == 0 ? ClientError.NetworkMemberNotFound : ClientError.None));
    }

    public async ValueTask<RetentionCheck> EraseAfterRetention(DateTimeOffset cutoff)
    {
        if (State.Details is null)
        {
            return new RetentionCheck(RetentionOutcome.Erased, null);
        }

        if (State.Status != ClientStatus.Discharged)
        {
            return new RetentionCheck(RetentionOutcome.NotDischarged, null);
        }

        // Twenty years after the last change (art. 7:454 BW): a note or a plan edit after the
        // discharge moves the end of the period.
        var plan = GrainFactory.GetGrain<ICarePlanGrain>(this.GetPrimaryKey());
        var notes = GrainFactory.GetGrain<IClientNotesGrain>(this.GetPrimaryKey());
        DateTimeOffset?[] changes = [State.ChangedAt, State.DischargedAt, await plan.LastChange(), await notes.LastChange()];
        var last = changes.Max();
        if (last > cutoff)
        {
            return new RetentionCheck(RetentionOutcome.ChangedSince, last);
        }

        // The parts first, the client last: a sweep cut off halfway finds the client still
        // discharged and erases what is left.
        await plan.Erase();
        await notes.Erase();
        await _writing.WaitAsync();
        try
        {
            await Pages.Clear(State.Version);
            await client.ClearStateAsync();
            client.State = new ClientState();
        }
        finally
        {
            _writing.Release();
        }

        DeactivateOnIdle();
        return new RetentionCheck(RetentionOutcome.Erased, last);
    }

    public async ValueTask<ClientResult> SetNetworkAccess(Guid memberId, NetworkAccess access) =>
        await AccessChanged(await ChangeMember(memberId, member => member with { Access = access }));

    // Pages of the network may be open on any host: each host must end or narrow them.
    private async ValueTask<ClientResult> AccessChanged(ClientResult result)
    {
        if (result.Error == ClientError.None)
        {
            await FollowUps.Send("events", () => GrainFactory.GetGrain<IScheduleEventPublisherGrain>(0).Publish(new ClientAccessChanged(this.GetPrimaryKey())).AsTask());
        }

        return result;
    }

    private ValueTask<ClientResult> ChangeMember(Guid memberId, Func<NetworkMember, NetworkMember> change) => Change(() =>
    {
        var index = State.Network.FindIndex(m => m.Id == memberId);
        if (index < 0)
        {
            return ClientError.NetworkMemberNotFound;
        }

        State.Network[index] = change(State.Network[index]);
        return ClientError.None;
    });

    /// <summary>Applies a guarded change to a registered client and stores it, or refuses it untouched.</summary>
    private async ValueTask<ClientResult> Change(Func<ClientError> change)
    {
        if (State.Details is null)
        {
            return ClientResult.Refused(ClientError.NotFound);
        }

        var before = Before();
        var error = change();
        return error == ClientError.None ? await Commit(before) : ClientResult.Refused(error);
    }

    private async ValueTask<ClientResult> Commit(Facts before)
    {
        State.Version++;
        var entry = Logged(before);
        State.ChangedAt = Retention.Now();
        _unlogged.Add(entry);
        var result = ClientResult.Ok(Record());
        State.Outcomes.KeepVersion(State.Version);
        await Write();

        // Stored: the team's figures may hear of it late, but never turn it into an error.
        var teamId = State.Details!.TeamId;
        await FollowUps.Refresh(CapacityLane(teamId), () => GrainFactory.GetGrain<ITeamCapacityGrain>(teamId).ReportClient(
            this.GetPrimaryKey(), State.Status, waiting: State.Details!.StartDate > DutchCalendar.Today(clock), inTeam: true).AsTask());
        return result;
    }

    /// <summary>One lane per team: the client's latest figures for their team, and that they left the team before.</summary>
    private static string CapacityLane(Guid teamId) => $"capacity {teamId}";

    private async Task Write()
    {
        // A dividing team's FollowTeam interleaves with other turns: one write at a time.
        await _writing.WaitAsync();
        try
        {
            // The log first, the version that makes its entries part of the record second (see
            // PagedLog). A write that waited here may find its entry stored by the one before.
            if (_unlogged.Count > 0)
            {
                await Pages.AppendAll([.. _unlogged]);
                _unlogged.Clear();
            }

            await client.WriteStateAsync();
        }
        catch
        {
            // Not stored: drop the change in memory too (see TeamGrain).
            _unlogged.Clear();
            Pages.Forget();
            await client.ReadStateAsync();
            throw;
        }
        finally
        {
            _writing.Release();
        }
    }

    private ClientRecord Record() => new(this.GetPrimaryKey(), State.Version, State.Details!, State.Status, [.. State.Network]);

    /// <summary>A kept command's answer: the record as that change left it, the later changes undone.</summary>
    async ValueTask<object?> IKeepsOutcomes.Rebuild(long version)
    {
        var later = await Pages.Read(version + 1, State.Version);
        if (later.Count != State.Version - version)
        {
            throw new InvalidOperationException($"The log of client {this.GetPrimaryKey()} lacks versions after {version}.");
        }

        var (details, status, network) = (State.Details, State.Status, new List<NetworkMember>(State.Network));
        foreach (var entry in Enumerable.Reverse(later))
        {
            if (entry.DetailsAfter is not null)
            {
                details = entry.DetailsBefore;
            }

            if (entry.StatusAfter is not null)
            {
                status = entry.StatusBefore ?? status;
            }

            if (entry.MemberAfter is { } after)
            {
                network.RemoveAll(m => m.Id == after.Id);
            }

            if (entry.MemberBefore is { } before)
            {
                network.Insert(entry.MemberIndex, before);
            }
        }

        return ClientResult.Ok(new ClientRecord(this.GetPrimaryKey(), version, details!, status, network));
    }

    private Facts Before() => new(State.Details, State.Status, [.. State.Network]);

    /// <summary>What the change just made did, from the facts before it: at most one network member changes at a time.</summary>
    private ClientLogEntry Logged(Facts before)
    {
        var entry = new ClientLogEntry { Version = State.Version, At = clock.GetUtcNow() };
        if (!Equals(before.Details, State.Details))
        {
            (entry.DetailsBefore, entry.DetailsAfter) = (before.Details, State.Details);
        }

        if (before.Status != State.Status)
        {
            (entry.StatusBefore, entry.StatusAfter) = (before.Status, State.Status);
        }

        var (was, now) = (before.Network, State.Network);
        var index = Enumerable.Range(0, Math.Max(was.Count, now.Count))
            .FirstOrDefault(i => i >= was.Count || i >= now.Count || !Equals(was[i], now[i]), -1);
        if (index >= 0)
        {
            entry.MemberIndex = index;
            entry.MemberBefore = now.Count > was.Count ? null : was[index];
            entry.MemberAfter = now.Count < was.Count ? null : now[index];
            if (entry.MemberAfter is null && entry.MemberBefore is { } removed)
            {
                // A removal's entry keeps only what the history may keep of the person (see RemoveNetworkMember).
                entry.MemberBefore = removed with { Details = removed.Details.Erased() };
            }

            entry.MemberId = (entry.MemberAfter ?? entry.MemberBefore)!.Id;
        }

        return entry;
    }

    private sealed record Facts(ClientRegistration? Details, ClientStatus Status, IReadOnlyList<NetworkMember> Network);
}
