using Buurtzorg.Contracts.Knowledge;

namespace Buurtzorg.Host.Knowledge;

/// <summary>
/// Reads the months of questions: the last two years, each month a grain of its own, asked
/// side by side; older questions stay stored but are no longer searched.
/// </summary>
public sealed class QuestionArchive(IGrainFactory grains, TimeProvider clock)
{
    public const int MonthsSearched = 24;

    public async Task<IReadOnlyList<QuestionSummary>> Search(QuestionQuery query)
    {
        var found = await Task.WhenAll(Months(MonthsSearched).Select(m => grains.GetGrain<IQuestionMonthGrain>(m).Search(query).AsTask()));
        return [.. found.SelectMany(f => f).OrderByDescending(q => q.AskedAt).Take(query.Limit)];
    }

    public async Task<IReadOnlyList<QuestionActivity>> Activity(int months)
    {
        var activity = await Task.WhenAll(Months(months).Select(m => grains.GetGrain<IQuestionMonthGrain>(m).Activity().AsTask()));
        return [.. activity.SelectMany(a => a)];
    }

    private IEnumerable<string> Months(int count)
    {
        var now = clock.GetUtcNow();
        return Enumerable.Range(0, count).Select(i => IQuestionMonthGrain.KeyOf(now.AddMonths(-i)));
    }
}
