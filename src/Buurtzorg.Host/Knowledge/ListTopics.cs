using Buurtzorg.Contracts.Knowledge;
using Mediator;

namespace Buurtzorg.Host.Knowledge;

/// <summary>The shared topics and those nurses added, each with how many list and follow it: what the pages offer to choose from.</summary>
public sealed record ListTopics : IQuery<IReadOnlyList<TopicCount>>;

public sealed class ListTopicsHandler(IGrainFactory grains) : IQueryHandler<ListTopics, IReadOnlyList<TopicCount>>
{
    public async ValueTask<IReadOnlyList<TopicCount>> Handle(ListTopics query, CancellationToken cancellationToken)
    {
        var counted = (await grains.GetGrain<IKnowHowDirectoryGrain>(0).Count()).ToDictionary(c => c.Topic, StringComparer.Ordinal);
        var shared = KnowHowTopics.Shared.Select(t => counted.GetValueOrDefault(t) ?? new TopicCount(t, 0, 0));
        var added = counted.Values.Where(c => !KnowHowTopics.Shared.Contains(c.Topic)).OrderByDescending(c => c.Listed + c.Following).ThenBy(c => c.Topic, StringComparer.Ordinal);
        return [.. shared, .. added];
    }
}
