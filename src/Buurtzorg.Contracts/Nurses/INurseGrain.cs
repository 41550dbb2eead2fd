namespace Buurtzorg.Contracts.Nurses;

/// <summary>A district nurse, keyed by her id: profile, availability, absences and team history.</summary>
[Alias("Buurtzorg.Nurses.INurseGrain")]
public interface INurseGrain : IGrainWithGuidKey
{
    [Alias("Register")]
    ValueTask<NurseResult> Register(NurseProfile profile);

    // Reads may run while the grain awaits a call of its own: a dividing team reads the
    // nurses and clients it divides, one of whom may be waiting on that very team.
    [Orleans.Concurrency.AlwaysInterleave, Alias("Get")]
    ValueTask<NurseRecord?> Get();

    [Alias("SetWeeklyAvailability")]
    ValueTask<NurseResult> SetWeeklyAvailability(IReadOnlyList<AvailabilitySlot> availability);

    [Alias("AddAbsence")]
    ValueTask<NurseResult> AddAbsence(Absence absence);

    [Alias("RemoveAbsence")]
    ValueTask<NurseResult> RemoveAbsence(Guid absenceId);

    /// <summary>
    /// Moves the nurse into a team (out of her current one). Survives a silo stopping halfway:
    /// the move is stored before it starts and finished when the nurse is next activated.
    /// </summary>
    [Alias("MoveToTeam")]
    ValueTask<NurseResult> MoveToTeam(Guid teamId);

    /// <summary>She leaves her team (her own decision) and is in no team until one takes her in.</summary>
    [Alias("LeaveTeam")]
    ValueTask<NurseResult> LeaveTeam();

    /// <summary>
    /// Her team divided and she went with <paramref name="teamId"/>. The dividing team waits for
    /// it, so it interleaves: the nurse may be the one whose arrival made the team divide, waiting
    /// on that very team.
    /// </summary>
    [Orleans.Concurrency.AlwaysInterleave, Alias("FollowTeam")]
    Task FollowTeam(Guid fromTeamId, Guid teamId);
}

[GenerateSerializer, Alias("Buurtzorg.Nurses.NurseError")]
public enum NurseError
{
    None = 0,
    NotFound = 1,
    AlreadyRegistered = 2,
    AbsenceNotFound = 3,
    TeamNotFound = 4,
    TeamDivided = 6,
}

[GenerateSerializer, Immutable, Alias("Buurtzorg.Nurses.NurseResult")]
public sealed record NurseResult(
    [property: Id(0)] NurseRecord? Nurse,
    [property: Id(1)] NurseError Error)
{
    public static NurseResult Ok(NurseRecord nurse) => new(nurse, NurseError.None);

    public static NurseResult Refused(NurseError error) => new(null, error);
}
