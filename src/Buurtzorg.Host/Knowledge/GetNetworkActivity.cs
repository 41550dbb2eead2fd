using Buurtzorg.Contracts.Knowledge;
using Mediator;

namespace Buurtzorg.Host.Knowledge;

/// <summary>
/// What central staff see of the network: how much is asked and answered, per week and per
/// topic, and how many nurses list and follow each topic. Counts only: no question, no name.
/// </summary>
public sealed record GetNetworkActivity : IQuery<NetworkActivity>;

public sealed record WeekActivity(DateOnly WeekOf, int Asked, int Answered, int Answers, int MostUsefulMarked);

public sealed record TopicActivity(string Topic, int Asked, int Answered, int NursesListed, int NursesFollowing);

public sealed record NetworkActivity(IReadOnlyList<WeekActivity> Weeks, IReadOnlyList<TopicActivity> Topics);

public sealed class GetNetworkActivityHandler(IGrainFactory grains, QuestionArchive archive, TimeProvider clock) : IQueryHandler<GetNetworkActivity, NetworkActivity>
{
    public const int Weeks = 12;

    public async ValueTask<NetworkActivity> Handle(GetNetworkActivity query, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var firstWeek = today.AddDays(-(((int)today.DayOfWeek + 6) % 7) - (7 * (Weeks - 1)));
        var rows = (await archive.Activity(months: 4)).Where(a => a.WeekOf >= firstWeek).ToList();
        var counts = await grains.GetGrain<IKnowHowDirectoryGrain>(0).Count();

        var weeks = Enumerable.Range(0, Weeks).Select(i => firstWeek.AddDays(7 * i)).Select(week =>
        {
            // A week can straddle two months: each month counts the questions asked in it.
            var all = rows.Where(r => r.Topic is null && r.WeekOf == week).ToList();
            return new WeekActivity(week, all.Sum(r => r.Asked), all.Sum(r => r.Answered), all.Sum(r => r.Answers), all.Sum(r => r.MostUsefulMarked));
        });

        var byTopic = rows.Where(r => r.Topic is not null).GroupBy(r => r.Topic!).ToDictionary(g => g.Key, g => (Asked: g.Sum(r => r.Asked), Answered: g.Sum(r => r.Answered)));
        var topics = byTopic.Keys.Union(counts.Select(c => c.Topic)).Order(StringComparer.Ordinal).Select(topic =>
        {
            var asked = byTopic.GetValueOrDefault(topic);
            var nurses = counts.FirstOrDefault(c => c.Topic == topic);
            return new TopicActivity(topic, asked.Asked, asked.Answered, nurses?.Listed ?? 0, nurses?.Following ?? 0);
        });

        return new NetworkActivity([.. weeks], [.. topics.OrderByDescending(t => t.Asked).ThenByDescending(t => t.NursesListed)]);
    }
}
