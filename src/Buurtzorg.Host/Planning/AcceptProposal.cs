using Buurtzorg.Contracts.Rounds;
using Buurtzorg.Contracts.Visits;
using Buurtzorg.Host.Problems;
using Buurtzorg.Host.Teams;
using Mediator;

namespace Buurtzorg.Host.Planning;

/// <summary>
/// The team takes a proposal: all of it, or one nurse's part (<see cref="NurseId"/>). It goes
/// through the same claims and round orders as a nurse's own, and only onto the schedule the
/// proposal was made on. Every visit it changes names <see cref="AcceptedBy"/>, the nurse who took it.
/// </summary>
public sealed record AcceptProposal(Guid TeamId, DateOnly Date, long? ScheduleVersion, Guid? NurseId, IReadOnlyList<ProposedRound>? Rounds, Guid AcceptedBy)
    : ICommand<ProposalAccepted>, IValidatedMessage
{
    private const int MaxRounds = 20;
    private const int MaxStops = 60;

    public void Validate(ValidationErrors errors)
    {
        if (ScheduleVersion is null or < 0)
        {
            errors.Add("scheduleVersion", "Give the schedule version the proposal was made on.", FieldCodes.Required);
        }

        if (Rounds is null || Rounds.Count > MaxRounds || Rounds.Any(r => r is null || r.Stops is null || r.Stops.Count > MaxStops))
        {
            errors.Add("rounds", $"Give the proposed rounds (at most {MaxRounds}, each at most {MaxStops} visits).");
        }
        else if (NurseId is { } nurse && Rounds.All(r => r.NurseId != nurse))
        {
            errors.Add("nurseId", "The proposal has no round for this nurse.");
        }
    }
}

public sealed class AcceptProposalHandler(IGrainFactory grains) : ICommandHandler<AcceptProposal, ProposalAccepted>
{
    public async ValueTask<ProposalAccepted> Handle(AcceptProposal command, CancellationToken cancellationToken)
    {
        await grains.RequireTeam(command.TeamId);

        var rounds = command.Rounds!.Where(r => command.NurseId is not { } nurse || r.NurseId == nurse).ToList();
        var accepted = await grains.GetGrain<ITeamScheduleGrain>(command.TeamId).AcceptProposal(command.ScheduleVersion!.Value, command.Date, rounds, command.AcceptedBy);
        return accepted.Error == RoundError.ScheduleMoved
            ? throw new ResourceConflictException(
                "The schedule changed after this proposal was made.",
                "Someone changed the team's schedule since; nothing was taken. Ask for a fresh proposal.",
                new Dictionary<string, object?> { ["reason"] = accepted.Error.ToString(), ["version"] = accepted.Version },
                RefusalCodes.ScheduleMoved)
            : accepted;
    }
}
