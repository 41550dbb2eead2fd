using Buurtzorg.Contracts.Nurses;
using Mediator;

namespace Buurtzorg.Host.Nurses;

/// <summary>The nurse leaves her team, her own decision; her rights to its clients end at once.</summary>
public sealed record LeaveTeam(Guid NurseId) : ICommand<NurseRecord>;

public sealed class LeaveTeamHandler(IGrainFactory grains) : ICommandHandler<LeaveTeam, NurseRecord>
{
    public async ValueTask<NurseRecord> Handle(LeaveTeam command, CancellationToken cancellationToken) =>
        (await grains.GetGrain<INurseGrain>(command.NurseId).LeaveTeam()).OrThrow(command.NurseId);
}
