using Buurtzorg.Contracts.Nurses;
using Mediator;

namespace Buurtzorg.Host.Nurses;

public sealed record RemoveAbsence(Guid NurseId, Guid AbsenceId) : ICommand<NurseRecord>;

public sealed class RemoveAbsenceHandler(IGrainFactory grains) : ICommandHandler<RemoveAbsence, NurseRecord>
{
    public async ValueTask<NurseRecord> Handle(RemoveAbsence command, CancellationToken cancellationToken) =>
        (await grains.GetGrain<INurseGrain>(command.NurseId).RemoveAbsence(command.AbsenceId)).OrThrow(command.NurseId);
}
