using Buurtzorg.Contracts.Knowledge;
using Buurtzorg.Host.Problems;
using Mediator;

namespace Buurtzorg.Host.Knowledge;

public sealed record GetQuestion(Guid QuestionId) : IQuery<NetworkQuestion>
{
    /// <summary>Every nurse may read every question, so saying there is none reveals nothing.</summary>
    public const string NoSuchQuestion = "There is no question with this id.";
}

public sealed class GetQuestionHandler(IGrainFactory grains) : IQueryHandler<GetQuestion, NetworkQuestion>
{
    public async ValueTask<NetworkQuestion> Handle(GetQuestion query, CancellationToken cancellationToken) =>
        await grains.GetGrain<IQuestionGrain>(query.QuestionId).Get() ?? throw new ResourceNotFoundException(GetQuestion.NoSuchQuestion);
}
