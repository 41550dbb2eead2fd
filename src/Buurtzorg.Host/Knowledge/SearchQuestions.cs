using Buurtzorg.Contracts.Knowledge;
using Buurtzorg.Host.Problems;
using Mediator;

namespace Buurtzorg.Host.Knowledge;

/// <summary>Questions asked before, newest first: by topic, by words in question and answers, or one's own.</summary>
public sealed record SearchQuestions(string? Topic, string? Words, Guid? AskedBy = null) : IQuery<IReadOnlyList<QuestionSummary>>, IValidatedMessage
{
    public const int MaxResults = 50;

    public void Validate(ValidationErrors errors)
    {
        if (Topic is not null && KnowHowTopics.Normalize(Topic) is null)
        {
            errors.Add("topic", $"A topic is 2 to {KnowHowTopics.MaxLength} letters, digits, spaces or hyphens, such as 'wondzorg'.", FieldCodes.Invalid);
        }

        errors.OptionalSingleLine("q", Words, 100);
    }
}

public sealed class SearchQuestionsHandler(QuestionArchive archive) : IQueryHandler<SearchQuestions, IReadOnlyList<QuestionSummary>>
{
    public async ValueTask<IReadOnlyList<QuestionSummary>> Handle(SearchQuestions query, CancellationToken cancellationToken)
    {
        var words = (query.Words ?? "").ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var topics = KnowHowTopics.Normalize(query.Topic) is { } topic ? [topic] : Array.Empty<string>();
        return await archive.Search(new QuestionQuery(topics, words, query.AskedBy, SearchQuestions.MaxResults));
    }
}
