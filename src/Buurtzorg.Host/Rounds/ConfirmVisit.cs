using Buurtzorg.Contracts.Rounds;
using Buurtzorg.Contracts.Visits;
using Buurtzorg.Host.Access;
using Buurtzorg.Host.Problems;
using Mediator;

namespace Buurtzorg.Host.Rounds;

/// <summary>
/// Register by exception: a visit done as planned is confirmed with this one action, by the nurse
/// who did it, or by a team-mate for her as an explicit act (<see cref="OnBehalfOf"/>) that keeps both names.
/// </summary>
public sealed record ConfirmVisit(Guid TeamId, Guid VisitId, Guid RecordedBy, Guid? OnBehalfOf = null, Guid? NamedNurse = null) : ICommand<RoundResult>, IValidatedMessage
{
    public Guid CaredBy => OnBehalfOf ?? RecordedBy;

    public void Validate(ValidationErrors errors) => errors.RequireSelf("nurseId", NamedNurse, RecordedBy);
}

public sealed class ConfirmVisitHandler(IGrainFactory grains) : ICommandHandler<ConfirmVisit, RoundResult>
{
    public async ValueTask<RoundResult> Handle(ConfirmVisit command, CancellationToken cancellationToken) =>
        (await grains.GetGrain<ITeamScheduleGrain>(command.TeamId).Report(command.VisitId, command.CaredBy, deviation: null, command.RecordedBy)).OrThrow();
}
