using Buurtzorg.Contracts.Knowledge;
using Buurtzorg.Grains.Schedule;
using Microsoft.Extensions.Logging;

namespace Buurtzorg.Grains.Knowledge;

/// <summary>
/// One question to the network and its answers. Once stored, a change goes to the month's search
/// index and, live, to whoever follows the question's topics; both are follow-ups, so a slow
/// index never holds up the nurse who asked or answered.
/// </summary>
public sealed class QuestionGrain(
    [PersistentState("network-question", GrainStorage.Name)] IPersistentState<QuestionState> question,
    TimeProvider clock,
    ILogger<QuestionGrain> logger) : Grain, IQuestionGrain
{
    public const int MaxAnswers = 200;

    private FollowUps? _followUps;

    private FollowUps FollowUps => _followUps ??= new(this, logger);

    private QuestionState State => question.State;

    public ValueTask<NetworkQuestion?> Get() => ValueTask.FromResult(State.Asked ? State.ToQuestion(this.GetPrimaryKey()) : null);

    public async ValueTask<QuestionResult> Ask(NetworkAuthor by, string title, string text, IReadOnlyList<string> topics)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (State.Asked)
        {
            // The same nurse sending the same question again is a retry of hers; anything else is not.
            var retry = State.AskedBy!.NurseId == by.NurseId && State.Title == title && State.Text == text;
            return new QuestionResult(State.ToQuestion(this.GetPrimaryKey()), retry ? QuestionError.None : QuestionError.AlreadyAsked);
        }

        (State.Asked, State.AskedBy, State.Title, State.Text, State.Topics, State.AskedAt) = (true, by, title, text, [.. topics], clock.GetUtcNow());
        return await Commit(QuestionChangeKind.Asked);
    }

    public async ValueTask<QuestionResult> Answer(Guid answerId, NetworkAuthor by, string text)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (!State.Asked)
        {
            return new QuestionResult(null, QuestionError.NotFound);
        }

        if (State.Answers.Exists(a => a.Id == answerId))
        {
            return new QuestionResult(State.ToQuestion(this.GetPrimaryKey()), QuestionError.None);
        }

        if (State.Answers.Count >= MaxAnswers)
        {
            return new QuestionResult(State.ToQuestion(this.GetPrimaryKey()), QuestionError.Full);
        }

        State.Answers.Add(new NetworkAnswer(answerId, by, text, clock.GetUtcNow()));
        return await Commit(QuestionChangeKind.Answered);
    }

    public async ValueTask<QuestionResult> MarkMostUseful(Guid answerId, Guid by)
    {
        if (!State.Asked)
        {
            return new QuestionResult(null, QuestionError.NotFound);
        }

        if (State.AskedBy!.NurseId != by)
        {
            return new QuestionResult(State.ToQuestion(this.GetPrimaryKey()), QuestionError.NotTheAsker);
        }

        if (!State.Answers.Exists(a => a.Id == answerId))
        {
            return new QuestionResult(State.ToQuestion(this.GetPrimaryKey()), QuestionError.AnswerNotFound);
        }

        if (State.MostUsefulAnswerId == answerId)
        {
            return new QuestionResult(State.ToQuestion(this.GetPrimaryKey()), QuestionError.None);
        }

        State.MostUsefulAnswerId = answerId;
        return await Commit(QuestionChangeKind.MostUsefulMarked);
    }

    private async Task<QuestionResult> Commit(QuestionChangeKind kind)
    {
        State.Version++;
        try
        {
            await question.WriteStateAsync();
        }
        catch
        {
            await question.ReadStateAsync();
            throw;
        }

        var stored = State.ToQuestion(this.GetPrimaryKey());
        var summary = stored.Summary();
        var words = SearchText(stored);
        await FollowUps.Refresh("index", () => GrainFactory.GetGrain<IQuestionMonthGrain>(IQuestionMonthGrain.KeyOf(stored.AskedAt)).Put(summary, words).AsTask());
        await FollowUps.Send("events", () => GrainFactory.GetGrain<IScheduleEventPublisherGrain>(0).Publish(new QuestionChanged(kind, summary)).AsTask());
        return new QuestionResult(stored, QuestionError.None);
    }

    private static string SearchText(NetworkQuestion stored) =>
        string.Join('\n', [stored.Title, stored.Text, .. stored.Answers.Select(a => a.Text)]).ToLowerInvariant();
}

/// <summary>Stored form of a question to the network.</summary>
public sealed class QuestionState
{
    public int Schema { get; set; } = 1;

    public bool Asked { get; set; }

    public int Version { get; set; }

    public NetworkAuthor? AskedBy { get; set; }

    public string Title { get; set; } = "";

    public string Text { get; set; } = "";

    public List<string> Topics { get; set; } = [];

    public DateTimeOffset AskedAt { get; set; }

    public List<NetworkAnswer> Answers { get; set; } = [];

    public Guid? MostUsefulAnswerId { get; set; }

    public NetworkQuestion ToQuestion(Guid id) => new(id, Version, Title, Text, [.. Topics], AskedBy!, AskedAt, [.. Answers], MostUsefulAnswerId);
}
