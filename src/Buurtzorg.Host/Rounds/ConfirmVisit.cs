using Buurtzorg.Contracts.Rounds;
using Buurtzorg.Contracts.Visits;
using Buurtzorg.Host.Problems;
using Mediator;

namespace Buurtzorg.Host.Rounds;

/// <summary>Register by exception: a visit done as planned is confirmed with this one action.</summary>
public sealed record ConfirmVisit(Guid TeamId, Guid VisitId, Guid? NurseId) : ICommand<RoundResult>, IValidatedMessage
{
    public void Validate(ValidationErrors errors) => errors.RequireId("nurseId", NurseId);
}

public sealed class ConfirmVisitHandler(IGrainFactory grains) : ICommandHandler<ConfirmVisit, RoundResult>
{
    public async ValueTask<RoundResult> Handle(ConfirmVisit command, CancellationToken cancellationToken) =>
        (await grains.GetGrain<ITeamScheduleGrain>(command.TeamId).Report(command.VisitId, command.NurseId!.Value, deviation: null)).OrThrow();
}
