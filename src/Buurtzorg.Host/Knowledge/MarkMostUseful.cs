using Buurtzorg.Contracts.Knowledge;
using Buurtzorg.Host.Problems;
using Mediator;

namespace Buurtzorg.Host.Knowledge;

/// <summary>The asker marks the answer that helped her most, so later readers find it first.</summary>
public sealed record MarkMostUseful(Guid QuestionId, Guid NurseId, Guid? AnswerId) : ICommand<NetworkQuestion>, IValidatedMessage
{
    public void Validate(ValidationErrors errors) => errors.RequireId("answerId", AnswerId);
}

public sealed class MarkMostUsefulHandler(IGrainFactory grains) : ICommandHandler<MarkMostUseful, NetworkQuestion>
{
    public async ValueTask<NetworkQuestion> Handle(MarkMostUseful command, CancellationToken cancellationToken) =>
        (await grains.GetGrain<IQuestionGrain>(command.QuestionId).MarkMostUseful(command.AnswerId!.Value, command.NurseId)).OrThrow();
}
