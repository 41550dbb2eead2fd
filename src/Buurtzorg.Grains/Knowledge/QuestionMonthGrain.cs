using Buurtzorg.Contracts.Knowledge;

namespace Buurtzorg.Grains.Knowledge;

public sealed class QuestionMonthGrain(
    [PersistentState("network-question-month", GrainStorage.Name)] IPersistentState<QuestionMonthState> month)
    : Grain, IQuestionMonthGrain
{
    private List<QuestionMonthEntry> Entries => month.State.Questions;

    public async ValueTask Put(QuestionSummary question, string searchText)
    {
        ArgumentNullException.ThrowIfNull(question);
        var index = Entries.FindIndex(e => e.Question.Id == question.Id);
        if (index >= 0 && Entries[index].Question.Version >= question.Version)
        {
            return;
        }

        var entry = new QuestionMonthEntry { Question = question, Words = searchText };
        if (index >= 0)
        {
            Entries[index] = entry;
        }
        else
        {
            Entries.Add(entry);
        }

        try
        {
            await month.WriteStateAsync();
        }
        catch
        {
            await month.ReadStateAsync();
            throw;
        }
    }

    public ValueTask<IReadOnlyList<QuestionSummary>> Search(QuestionQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return ValueTask.FromResult<IReadOnlyList<QuestionSummary>>(
            [.. Entries
                .Where(e => query.Topics.Count == 0 || e.Question.Topics.Any(query.Topics.Contains))
                .Where(e => query.AskedBy is not { } asker || e.Question.AskedBy.NurseId == asker)
                .Where(e => query.Words.All(w => e.Words.Contains(w, StringComparison.Ordinal)))
                .Select(e => e.Question)
                .OrderByDescending(q => q.AskedAt)
                .Take(query.Limit)]);
    }

    public ValueTask<IReadOnlyList<QuestionActivity>> Activity()
    {
        var rows = Entries
            .SelectMany(e => e.Question.Topics.Select(t => (Topic: (string?)t, e.Question)).Append((Topic: null, e.Question)))
            .GroupBy(r => (Week: WeekOf(r.Question.AskedAt), r.Topic))
            .Select(g => new QuestionActivity(
                g.Key.Week,
                g.Key.Topic,
                g.Count(),
                g.Count(r => r.Question.Answers > 0),
                g.Sum(r => r.Question.Answers),
                g.Count(r => r.Question.MostUsefulMarked)))
            .OrderBy(a => a.WeekOf)
            .ThenBy(a => a.Topic, StringComparer.Ordinal);
        return ValueTask.FromResult<IReadOnlyList<QuestionActivity>>([.. rows]);
    }

    private static DateOnly WeekOf(DateTimeOffset at)
    {
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
    }
}

/// <summary>Stored form of a month of questions: summaries and their words in lower case, for search.</summary>
public sealed class QuestionMonthState
{
    public int Schema { get; set; } = 1;

    public List<QuestionMonthEntry> Questions { get; set; } = [];
}

public sealed class QuestionMonthEntry
{
    public QuestionSummary Question { get; set; } = null!;

    public string Words { get; set; } = "";
}
