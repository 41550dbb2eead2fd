using Buurtzorg.Contracts.Capacity;
using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Grains.Idempotency;
using Microsoft.Extensions.Logging;

namespace Buurtzorg.Grains.Nurses;

public sealed class NurseGrain(
    [PersistentState("nurse", GrainStorage.Name)] IPersistentState<NurseState> nurse,
    TimeProvider clock,
    ILogger<NurseGrain> logger) : Grain, INurseGrain, IKeepsOutcomes
{
    OutcomeLedger IKeepsOutcomes.Outcomes => State.Outcomes;

    private readonly SemaphoreSlim _writing = new(1, 1);
    private IGrainTimer? _resume;
    private FollowUps? _followUps;

    private NurseState State => nurse.State;

    private FollowUps FollowUps => _followUps ??= new(this, logger);

    private Guid? CurrentTeam => State.Memberships.Find(m => m.Until is null)?.TeamId;

    /// <summary>
    /// A move interrupted by a stopping silo is finished in a turn of its own right after the
    /// activation, not in it: the team she joins may be dividing and waiting on her.
    /// </summary>
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (State.MovingTo is not null || State.LeavingFrom is not null)
        {
            _resume = this.RegisterGrainTimer(ResumeMove, new GrainTimerCreationOptions { DueTime = TimeSpan.Zero, Period = Timeout.InfiniteTimeSpan });
        }

        return Task.CompletedTask;
    }

    private async Task ResumeMove(CancellationToken cancellationToken)
    {
        _resume?.Dispose();
        _resume = null;
        if (State.MovingTo is { } teamId)
        {
            await CompleteMove(teamId);
        }

        if (State.LeavingFrom is { } left)
        {
            await TakeOffTeamList(left);
        }
    }

    public async Task FollowTeam(Guid fromTeamId, Guid teamId)
    {
        if (State.Profile is null)
        {
            return;
        }

        // Her own arrival made the team divide: the move goes on to the half that took her.
        if (State.MovingTo == fromTeamId)
        {
            State.MovingTo = teamId;
            await Write();
            return;
        }

        if (CurrentTeam != fromTeamId)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var open = State.Memberships.FindIndex(m => m.Until is null);
        State.Memberships[open] = State.Memberships[open] with { Until = now };
        State.Memberships.Add(new TeamMembership(teamId, now, null));
        await Commit();
    }

    public async ValueTask<NurseResult> Register(NurseProfile profile)
    {
        if (State.Profile is not null)
        {
            return NurseResult.Refused(NurseError.AlreadyRegistered);
        }

        State.Profile = profile;
        return await Commit();
    }

    public ValueTask<NurseRecord?> Get() => ValueTask.FromResult(State.Profile is null ? null : Record());

    public ValueTask<NurseResult> SetWeeklyAvailability(IReadOnlyList<AvailabilitySlot> availability) => Change(() =>
    {
        State.Profile = State.Profile! with { WeeklyAvailability = availability };
        return NurseError.None;
    });

    public ValueTask<NurseResult> AddAbsence(Absence absence) => Change(() =>
    {
        State.Absences.RemoveAll(a => a.Id == absence.Id);
        State.Absences.Add(absence);
        State.Absences.Sort((a, b) => a.From.CompareTo(b.From));
        return NurseError.None;
    });

    public ValueTask<NurseResult> RemoveAbsence(Guid absenceId) => Change(() =>
        State.Absences.RemoveAll(a => a.Id == absenceId) == 0 ? NurseError.AbsenceNotFound : NurseError.None);

    public async ValueTask<NurseResult> MoveToTeam(Guid teamId)
    {
        if (State.Profile is null)
        {
            return NurseResult.Refused(NurseError.NotFound);
        }

        if (CurrentTeam == teamId)
        {
            return NurseResult.Ok(Record());
        }

        if (await GrainFactory.GetGrain<ITeamGrain>(teamId).Get() is null)
        {
            return NurseResult.Refused(NurseError.TeamNotFound);
        }

        State.MovingTo = teamId;
        await Write();
        return await CompleteMove(teamId);
    }

    public async ValueTask<NurseResult> LeaveTeam()
    {
        if (State.Profile is null)
        {
            return NurseResult.Refused(NurseError.NotFound);
        }

        if (CurrentTeam is not { } team)
        {
            return NurseResult.Ok(Record());
        }

        // Her own record goes first: that is what her rights are read from, so they end with
        // this write even if the team hears of it only after a stopped silo comes back.
        var open = State.Memberships.FindIndex(m => m.Until is null);
        State.Memberships[open] = State.Memberships[open] with { Until = clock.GetUtcNow() };
        State.LeavingFrom = team;
        await Commit();

        // She has left: a team that cannot be reached now takes her off its list when the call
        // is tried again, or when this grain next activates.
        await FollowUps.Send("leaving", () => TakeOffTeamList(team));
        return NurseResult.Ok(Record());
    }

    private async Task TakeOffTeamList(Guid left)
    {
        await GrainFactory.GetGrain<ITeamGrain>(left).RemoveNurse(this.GetPrimaryKey());
        State.LeavingFrom = null;
        await Write();
    }

    /// <summary>
    /// The steps of a move, each safe to repeat: join the new team, leave the old one, record
    /// the history. Joining first means a nurse is never without a team, only, for a moment,
    /// listed in both.
    /// </summary>
    private async Task<NurseResult> CompleteMove(Guid teamId)
    {
        var joined = await GrainFactory.GetGrain<ITeamGrain>(teamId).AddNurse(this.GetPrimaryKey(), State.Profile!.Name);

        // A division of the team she joined redirects the move to the half that took her.
        var target = State.MovingTo ?? teamId;
        if (target == teamId && joined.Error is not (TeamError.None or TeamError.DuplicateNurse))
        {
            State.MovingTo = null;
            await Write();
            return NurseResult.Refused(joined.Error switch
            {
                TeamError.Divided => NurseError.TeamDivided,
                _ => NurseError.TeamNotFound,
            });
        }

        if (CurrentTeam is { } previous)
        {
            await GrainFactory.GetGrain<ITeamGrain>(previous).RemoveNurse(this.GetPrimaryKey());

            // Her old team divided while she left it, and took her into one of its halves.
            if (CurrentTeam is { } half && half != previous)
            {
                await GrainFactory.GetGrain<ITeamGrain>(half).RemoveNurse(this.GetPrimaryKey());
            }
        }

        var now = clock.GetUtcNow();
        var open = State.Memberships.FindIndex(m => m.Until is null);
        if (open >= 0)
        {
            State.Memberships[open] = State.Memberships[open] with { Until = now };
        }

        if (target != teamId)
        {
            // Her history shows the team she joined, which divided as she arrived.
            State.Memberships.Add(new TeamMembership(teamId, now, now));
        }

        State.Memberships.Add(new TeamMembership(target, now, null));
        State.MovingTo = null;
        return await Commit();
    }

    private async ValueTask<NurseResult> Change(Func<NurseError> change)
    {
        if (State.Profile is null)
        {
            return NurseResult.Refused(NurseError.NotFound);
        }

        var error = change();
        return error == NurseError.None ? await Commit() : NurseResult.Refused(error);
    }

    private async ValueTask<NurseResult> Commit()
    {
        State.Version++;
        var result = NurseResult.Ok(Record());
        State.Outcomes.Keep(result);
        await Write();
        await ReportSupply();
        return result;
    }

    /// <summary>
    /// Her contract hours (and when she works) count for her team, and no longer for the one she
    /// left last. Contract, not availability: widening her availability gives no more hours.
    /// </summary>
    /// <remarks>
    /// One lane per team, each with its newest figure: a report still due to a team she has since
    /// left gives way to the one saying she left. Stored already, so a late report is no error.
    /// </remarks>
    private async Task ReportSupply()
    {
        if (State.Memberships.LastOrDefault(m => m.Until is not null) is { } left && left.TeamId != CurrentTeam)
        {
            await FollowUps.Refresh(SupplyLane(left.TeamId), () => GrainFactory.GetGrain<ITeamCapacityGrain>(left.TeamId).ReportSupply(this.GetPrimaryKey(), null).AsTask());
        }

        if (CurrentTeam is { } team)
        {
            await FollowUps.Refresh(SupplyLane(team), () =>
            {
                var profile = State.Profile!;
                return GrainFactory.GetGrain<ITeamCapacityGrain>(team).ReportSupply(
                    this.GetPrimaryKey(), new NurseSupply(profile.ContractHoursPerWeek, profile.WeeklyAvailability, profile.Qualifications)).AsTask();
            });
        }
    }

    private static string SupplyLane(Guid teamId) => $"supply {teamId}";

    private async Task Write()
    {
        // A dividing team's FollowTeam interleaves with other turns: one write at a time.
        await _writing.WaitAsync();
        try
        {
            await nurse.WriteStateAsync();
        }
        catch
        {
            // Not stored: drop the change in memory too (see TeamGrain).
            await nurse.ReadStateAsync();
            throw;
        }
        finally
        {
            _writing.Release();
        }
    }

    private NurseRecord Record() =>
        new(this.GetPrimaryKey(), State.Version, State.Profile!, [.. State.Absences], CurrentTeam, [.. State.Memberships]);
}
