using Buurtzorg.Contracts.Knowledge;
using Mediator;

namespace Buurtzorg.Host.Knowledge;

/// <summary>What the network page opens with: the topics she follows, their latest questions, and her own.</summary>
public sealed record QuestionFeed(IReadOnlyList<string> Following, IReadOnlyList<QuestionSummary> Questions, IReadOnlyList<QuestionSummary> Mine);

public sealed record GetQuestionFeed(Guid NurseId) : IQuery<QuestionFeed>;

public sealed class GetQuestionFeedHandler(IGrainFactory grains, QuestionArchive archive) : IQueryHandler<GetQuestionFeed, QuestionFeed>
{
    public const int Latest = 30;

    public async ValueTask<QuestionFeed> Handle(GetQuestionFeed query, CancellationToken cancellationToken)
    {
        var profile = await grains.GetGrain<IKnowHowGrain>(query.NurseId).Get();
        var following = profile.Following.Count == 0
            ? []
            : await archive.Search(new QuestionQuery(profile.Following, [], null, Latest));
        var mine = await archive.Search(new QuestionQuery([], [], query.NurseId, Latest));
        return new QuestionFeed(profile.Following, following, mine);
    }
}
