using Buurtzorg.Contracts.Rounds;
using Buurtzorg.Contracts.Visits;
using Buurtzorg.Host.Access;
using Buurtzorg.Host.Problems;
using Mediator;

namespace Buurtzorg.Host.Rounds;

/// <summary>The signed-in nurse gives a visit of hers back to the team board.</summary>
public sealed record ReleaseVisit(Guid TeamId, Guid VisitId, Guid NurseId, Guid? NamedNurse = null) : ICommand<RoundResult>, IValidatedMessage
{
    public void Validate(ValidationErrors errors) => errors.RequireSelf("nurseId", NamedNurse, NurseId);
}

public sealed class ReleaseVisitHandler(IGrainFactory grains) : ICommandHandler<ReleaseVisit, RoundResult>
{
    public async ValueTask<RoundResult> Handle(ReleaseVisit command, CancellationToken cancellationToken) =>
        (await grains.GetGrain<ITeamScheduleGrain>(command.TeamId).Release(command.VisitId, command.NurseId)).OrThrow();
}
