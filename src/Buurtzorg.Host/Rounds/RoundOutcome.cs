using Buurtzorg.Contracts.Rounds;
using Buurtzorg.Host.Problems;

namespace Buurtzorg.Host.Rounds;

internal static class RoundOutcome
{
    /// <summary>
    /// The accepted change, or the refusal as a problem naming the reason. A refusal carries the
    /// visit as it now is ('visit') and the schedule version, so the nurse sees what she met.
    /// </summary>
    public static RoundResult OrThrow(this RoundResult result)
    {
        var state = new Dictionary<string, object?> { ["reason"] = result.Error.ToString(), ["version"] = result.Version, ["visit"] = result.Visit };
        return result.Error switch
        {
            RoundError.None => result,
            RoundError.VisitNotFound => throw new ResourceNotFoundException("There is no such visit in this team's schedule."),
            RoundError.NurseNotFound => throw new ResourceNotFoundException("There is no such nurse."),
            RoundError.NurseNotInTeam => throw new RuleViolationException("The nurse is not in this team.", "Only nurses of the team can take its visits. Nothing was changed.", state, RefusalCodes.NurseNotInTeam),
            RoundError.MissingQualification => throw new RuleViolationException(
                "The nurse lacks the qualification this visit needs.", $"This visit needs '{result.Visit?.RequiredQualification}'. Nothing was changed.", state, RefusalCodes.MissingQualification),
            RoundError.OutsideAvailability => throw new RuleViolationException(
                "The nurse is not available for this visit.", "The visit falls outside her working hours for that day, or on a day she is absent. Nothing was changed.", state, RefusalCodes.NurseUnavailable),
            RoundError.ClaimedByOther => throw new ResourceConflictException(
                "Someone else has this visit.", "Another nurse was first; 'visit' shows who has it now. Nothing was changed.", state, RefusalCodes.VisitTaken),
            RoundError.NotAssigned => throw new ResourceConflictException("The nurse does not have this visit.", "Nothing was changed.", state, RefusalCodes.VisitNotYours),
            RoundError.AlreadyAssigned => throw new ResourceConflictException("The colleague already has this visit.", "Nothing was changed.", state, RefusalCodes.VisitAlreadyAssigned),
            RoundError.VisitClosed => throw new ResourceConflictException(
                "This visit is no longer open.", "It was reported or cancelled; 'visit' shows how. Nothing was changed.", state, RefusalCodes.VisitClosed),
            RoundError.NotYetDue => throw new RuleViolationException("This visit is still to come.", "A visit can be reported on its day or later. Nothing was changed.", state, RefusalCodes.VisitNotYetDue),
            RoundError.RoundMismatch => throw new RuleViolationException(
                "The round does not match the nurse's visits of that day.",
                "Give each of her visits of that day exactly once; 'round' shows them. Nothing was changed.",
                new Dictionary<string, object?> { ["reason"] = result.Error.ToString(), ["version"] = result.Version, ["round"] = result.Round },
                RefusalCodes.RoundMismatch),
            _ => throw new InvalidOperationException($"Unexpected round result {result.Error}."),
        };
    }
}
