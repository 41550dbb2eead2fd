using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Host.Teams;
using Buurtzorg.Host.Problems;

namespace Buurtzorg.Host.Nurses;

internal static class NurseOutcome
{
    public static NurseRecord OrThrow(this NurseResult result, Guid nurseId, Guid? teamId = null) => result switch
    {
        { Error: NurseError.None, Nurse: { } nurse } => nurse,
        { Error: NurseError.NotFound } => throw NurseNotFound(nurseId),
        { Error: NurseError.AbsenceNotFound } => throw new ResourceNotFoundException("The nurse has no such absence."),
        { Error: NurseError.TeamNotFound } => throw new ResourceNotFoundException($"There is no team with id '{teamId}'."),
        { Error: NurseError.TeamDivided } => throw TeamOutcome.TeamDivided(),
        { Error: NurseError.AlreadyRegistered } => throw new ResourceConflictException("The nurse is already registered.", "Nothing was changed.", code: RefusalCodes.AlreadyExists),
        _ => throw new InvalidOperationException($"Unexpected nurse result {result.Error}."),
    };

    public static ResourceNotFoundException NurseNotFound(Guid nurseId) => new($"There is no nurse with id '{nurseId}'.");
}
