using Buurtzorg.Contracts.Rounds;
using Buurtzorg.Contracts.Visits;
using Buurtzorg.Host.Problems;
using Buurtzorg.Host.Teams;
using Mediator;

namespace Buurtzorg.Host.Rounds;

public sealed record RoundStopInput(Guid? VisitId, TimeOnly? Start);

/// <summary>
/// A nurse orders her own round for a day (<see cref="OrderedBy"/>, the signed-in nurse, must be <see cref="NurseId"/>). An order that breaks a visit's time window or makes
/// visits overlap is stored with warnings (in minutes), not refused: she knows her clients.
/// </summary>
public sealed record PlanRound(Guid TeamId, Guid NurseId, DateOnly Date, IReadOnlyList<RoundStopInput>? Stops, Guid OrderedBy) : ICommand<RoundView>, IValidatedMessage
{
    private const int MaxStops = 60;

    public void Validate(ValidationErrors errors)
    {
        if (Stops is null || Stops.Count > MaxStops)
        {
            errors.Add("stops", $"Give the visits of the round in order (at most {MaxStops}).");
            return;
        }

        for (var i = 0; i < Stops.Count; i++)
        {
            errors.RequireId($"stops[{i}].visitId", Stops[i]?.VisitId);
        }
    }
}

public sealed class PlanRoundHandler(IGrainFactory grains, VisitDetailsReader reader) : ICommandHandler<PlanRound, RoundView>
{
    public async ValueTask<RoundView> Handle(PlanRound command, CancellationToken cancellationToken)
    {
        await grains.RequireTeam(command.TeamId);
        if (command.OrderedBy != command.NurseId)
        {
            throw new ForbiddenActException("Each nurse orders her own round.", "You can see a colleague's round, but only she changes its order. Nothing was changed.", RefusalCodes.OwnRoundOnly);
        }

        var result = await grains.GetGrain<ITeamScheduleGrain>(command.TeamId)
            .PlanRound(command.NurseId, command.Date, [.. command.Stops!.Select(s => new RoundPlanStop(s.VisitId!.Value, s.Start))]);
        return await RoundView.Of(result.OrThrow().Round!, reader);
    }
}
