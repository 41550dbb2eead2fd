using Buurtzorg.Contracts.Clients;
using Buurtzorg.Host.Problems;
using Mediator;

namespace Buurtzorg.Host.Clients;

public sealed record ChangeClientStatus(Guid ClientId, ClientStatus? Status) : ICommand<ClientRecord>, IValidatedMessage
{
    public void Validate(ValidationErrors errors) => errors.RequireDefined("status", Status);
}

public sealed class ChangeClientStatusHandler(IGrainFactory grains) : ICommandHandler<ChangeClientStatus, ClientRecord>
{
    public async ValueTask<ClientRecord> Handle(ChangeClientStatus command, CancellationToken cancellationToken) =>
        (await grains.GetGrain<IClientGrain>(command.ClientId).ChangeStatus(command.Status!.Value)).OrThrow(command.ClientId);
}
