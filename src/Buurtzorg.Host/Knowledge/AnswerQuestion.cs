using Buurtzorg.Contracts.Knowledge;
using Buurtzorg.Grains.Idempotency;
using Buurtzorg.Host.Problems;
using Mediator;

namespace Buurtzorg.Host.Knowledge;

/// <summary>A nurse answers a question; the answer is checked as the question was.</summary>
public sealed record AnswerQuestion(Guid QuestionId, Guid NurseId, string? Text) : ICommand<NetworkQuestion>, IValidatedMessage
{
    public void Validate(ValidationErrors errors) => errors.RequireMultiLine("text", Text, AskQuestion.MaxTextLength);
}

public sealed class AnswerQuestionHandler(IGrainFactory grains, NetworkTextScreen screen) : ICommandHandler<AnswerQuestion, NetworkQuestion>
{
    public async ValueTask<NetworkQuestion> Handle(AnswerQuestion command, CancellationToken cancellationToken)
    {
        var question = grains.GetGrain<IQuestionGrain>(command.QuestionId);
        _ = await question.Get() ?? throw new ResourceNotFoundException(GetQuestion.NoSuchQuestion);
        var text = FieldRules.Clean(command.Text!);
        await screen.Check(command.NurseId, ("text", text));
        var author = await KnowledgeOutcome.Author(grains, command.NurseId);
        return (await question.Answer(IdempotentRequest.NewId("network-answer"), author, text)).OrThrow();
    }
}
