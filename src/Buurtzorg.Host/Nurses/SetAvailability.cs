using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Host.Problems;
using Mediator;

namespace Buurtzorg.Host.Nurses;

public sealed record SetAvailability(Guid NurseId, IReadOnlyList<AvailabilitySlotInput>? WeeklyAvailability) : ICommand<NurseRecord>, IValidatedMessage
{
    public void Validate(ValidationErrors errors) => NurseRules.Availability(errors, WeeklyAvailability, "weeklyAvailability");
}

public sealed class SetAvailabilityHandler(IGrainFactory grains) : ICommandHandler<SetAvailability, NurseRecord>
{
    public async ValueTask<NurseRecord> Handle(SetAvailability command, CancellationToken cancellationToken) =>
        (await grains.GetGrain<INurseGrain>(command.NurseId).SetWeeklyAvailability(NurseRules.ToSlots(command.WeeklyAvailability!)))
            .OrThrow(command.NurseId);
}
